using CustomActivities.Core.ApiClients;
using CustomActivities.Tests.Builders;
using CustomActivities.Tests.Support;
using static CustomActivities.Tests.Support.ApiHarness;

namespace CustomActivities.Tests.Integration.Api;

/// <summary>Leads answered as Marketo's documentation shows them, for clients written against Marketo.</summary>
public sealed class LeadWireCompatibilityTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private const string Form = "application/x-www-form-urlencoded";
    private ApiHarness Api => fixture.Api;

    [Fact]
    public async Task A_lead_record_always_holds_its_id_first_also_when_fields_does_not_list_it()
    {
        // https://experienceleague.adobe.com/en/docs/marketo-developer/marketo/rest/lead-database/leads: every example record starts with "id": 318581, whatever fields were asked for.
        using var http = await Api.ClientAsync(ApiPermission.ReadOnly);
        var id = await Api.SeedPersonAsync(A.Person.WithEmail("abe@usa.gov").Named("Abraham", "Lincoln"));

        var byFilter = await GetAsync(http, "/rest/v1/leads.json?filterType=email&filterValues=abe@usa.gov&fields=email,firstName");
        var byId = await GetAsync(http, $"/rest/v1/lead/{id}.json?fields=lastName");

        Assert.Equal(["id", "email", "firstName"], Assert.Single(byFilter.Result.EnumerateArray()).EnumerateObject().Select(p => p.Name));
        Assert.Equal(id, byFilter.Result[0].GetProperty("id").GetInt32());
        Assert.Equal(["id", "lastName"], Assert.Single(byId.Result.EnumerateArray()).EnumerateObject().Select(p => p.Name));
        Assert.Equal((id, "Lincoln"), (byId.Result[0].GetProperty("id").GetInt32(), byId.Result[0].GetProperty("lastName").GetString()));
    }

    [Theory]
    [InlineData("318581,abc", "abc")]
    [InlineData("1.5", "1.5")]
    public async Task FilterType_id_with_a_value_that_is_not_an_integer_answers_1001(string filterValues, string offending)
    {
        // https://experienceleague.adobe.com/en/docs/marketo-developer/marketo/rest/error-codes: "1001 Invalid value '%s'. Required of type '%s'. Error is generated whenever a parameter value has a type mismatch."
        using var http = await Api.ClientAsync(ApiPermission.ReadOnly);

        var answer = await GetAsync(http, $"/rest/v1/leads.json?filterType=id&filterValues={filterValues}");

        Assert.False(answer.Success);
        Assert.Equal("1001", answer.ErrorCode);
        Assert.Equal($"Invalid value '{offending}'. Required of type 'integer'", answer.Json.GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.Equal(0, answer.Result.GetArrayLength());
    }

    [Fact]
    public async Task Lead_partitions_answer_the_one_default_partition_of_an_instance_without_partitions()
    {
        // https://experienceleague.adobe.com/en/docs/marketo-developer/marketo/rest/lead-database/leads: "By default, the default partition is used."
        // https://developer.adobe.com/marketo-apis/api/mapi#operation/getLeadPartitionsUsingGET: "Returns a list of available partitions in the target instance." (LeadPartition: id, name, description)
        using var http = await Api.ClientAsync(ApiPermission.ReadOnly);

        var answer = await GetAsync(http, "/rest/v1/leads/partitions.json");

        Assert.True(answer.Success);
        var partition = Assert.Single(answer.Result.EnumerateArray());
        Assert.Equal((1, "Default", "Initial system lead partition"),
            (partition.GetProperty("id").GetInt32(), partition.GetProperty("name").GetString(), partition.GetProperty("description").GetString()));
    }

    [Fact]
    public async Task A_POST_with__method_GET_and_the_query_in_a_form_body_answers_exactly_as_the_GET_does()
    {
        // https://experienceleague.adobe.com/en/docs/marketo-developer/marketo/rest/lead-database/leads: "As a workaround, you can change your GET to POST, add _method=GET parameter, and place query string in request body."
        using var http = await Api.ClientAsync(ApiPermission.ReadOnly);
        var ada = await Api.SeedPersonAsync(A.Person.WithEmail("ada.tunnel@example.com").Named("Ada", "Lovelace"));
        var grace = await Api.SeedPersonAsync(A.Person.WithEmail("grace.tunnel@example.com").Named("Grace", "Hopper"));
        var query = $"filterType=id&filterValues={ada},{grace}&fields=email,lastName";

        var get = await GetAsync(http, $"/rest/v1/leads.json?{query}");
        var tunnelled = await PostAsync(http, "/rest/v1/leads.json?_method=GET", query, Form);
        var inBody = await PostAsync(http, "/rest/v1/leads.json", $"_method=GET&{query}", Form);
        var refused = await PostAsync(http, "/rest/v1/leads.json?_method=GET", "filterType=id&filterValues=abc", Form);

        Assert.True(get.Success);
        Assert.Equal(2, get.Result.GetArrayLength());
        Assert.Equal(get.Result.GetRawText(), tunnelled.Result.GetRawText());
        Assert.Equal(get.Result.GetRawText(), inBody.Result.GetRawText());
        Assert.Equal("1001", refused.ErrorCode);
    }

    [Fact]
    public async Task A_tunnelled_GET_with_a_body_over_the_size_limit_answers_HTTP_413_as_a_JSON_body_would()
    {
        // https://experienceleague.adobe.com/en/docs/marketo-developer/marketo/rest/error-codes: "413 Request Entity Too Large: The request payload exceeded the 1MB limit."
        using var http = await Api.ClientAsync(ApiPermission.ReadOnly);
        var values = string.Join(",", Enumerable.Range(0, 60_000).Select(i => $"someone{i}@example.com"));

        var answer = await PostAsync(http, "/rest/v1/leads.json?_method=GET", $"filterType=email&filterValues={values}", Form);

        Assert.Equal(413, answer.Status);
        Assert.Equal("413", answer.ErrorCode);
    }

    [Fact]
    public async Task A_tunnelled_GET_reads_like_a_GET_even_for_a_client_that_may_not_write_leads()
    {
        // https://experienceleague.adobe.com/en/docs/marketo-developer/marketo/rest/error-codes: "The request should be retried as a POST with param _method=GET in the URL, and the rest of the query string in the body of the request."
        var client = await Api.CreateApiClientAsync(ApiPermission.ReadOnly);
        var token = await Api.TokenAsync(client);
        using var anonymous = Api.Factory.CreateClient();
        var id = await Api.SeedPersonAsync(A.Person.WithEmail("token.in.form@example.com"));

        using var readOnly = Api.WithToken(token);

        var answer = await PostAsync(anonymous, "/rest/v1/leads.json?_method=GET", $"access_token={token}&filterType=id&filterValues={id}", Form);
        var sync = await PostAsync(readOnly, "/rest/v1/leads.json", Input(new { email = "read.only@example.com" }));

        Assert.True(answer.Success, answer.Json.ToString());
        Assert.Equal(id, Assert.Single(answer.Result.EnumerateArray()).GetProperty("id").GetInt32());
        Assert.Equal("603", sync.ErrorCode);
    }
}
