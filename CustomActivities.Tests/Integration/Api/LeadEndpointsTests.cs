using CustomActivities.Core.ApiClients;
using CustomActivities.Tests.Builders;
using CustomActivities.Tests.Support;
using static CustomActivities.Tests.Support.ApiHarness;

namespace CustomActivities.Tests.Integration.Api;

public sealed class LeadEndpointsTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private const string Leads = "/rest/v1/leads.json";
    private ApiHarness Api => fixture.Api;

    [Fact]
    public async Task Create_or_update_answers_created_updated_and_skipped_per_record()
    {
        using var http = await Api.ClientAsync(ApiPermission.WriteActivitiesAndLeads);
        var existing = await Api.SeedPersonAsync(A.Person.WithEmail("grace@example.com"));

        var answer = await PostAsync(http, Leads, """
            {"action":"createOrUpdate","lookupField":"email","input":[
              {"email":"new.lead@example.com","firstName":"New","company":"Acme"},
              {"email":"GRACE@example.com","lastName":"Hopper"},
              {"email":"not-an-email"},
              {"firstName":"No email"},
              {"email":"x@example.com","shoeSize":"44"}
            ]}
            """);

        Assert.True(answer.Success);
        Assert.Equal(["created", "updated", "1001", "1002", "1006"], answer.RecordOutcomes);
        Assert.Equal(existing, answer.Result[1].GetProperty("id").GetInt32());
        var created = answer.Result[0].GetProperty("id").GetInt32();

        var byEmail = await GetAsync(http, $"{Leads}?filterType=email&filterValues=new.lead@example.com,grace@example.com&fields=id,email,company,lastName");
        Assert.Equal(2, byEmail.Result.GetArrayLength());
        var newLead = byEmail.Result.EnumerateArray().Single(r => r.GetProperty("id").GetInt32() == created);
        Assert.Equal("Acme", newLead.GetProperty("company").GetString());
        Assert.Equal("Hopper", byEmail.Result.EnumerateArray().Single(r => r.GetProperty("id").GetInt32() == existing).GetProperty("lastName").GetString());

        var one = await GetAsync(http, $"/rest/v1/lead/{created}.json");
        Assert.Equal("new.lead@example.com", one.Result[0].GetProperty("email").GetString());
        Assert.Equal(0, (await GetAsync(http, "/rest/v1/lead/987654.json")).Result.GetArrayLength());
    }

    [Fact]
    public async Task Create_only_and_update_only_skip_with_1005_and_1004()
    {
        using var http = await Api.ClientAsync();
        await Api.SeedPersonAsync(A.Person.WithEmail("taken@example.com"));

        var createOnly = await PostAsync(http, Leads, """{"action":"createOnly","input":[{"email":"taken@example.com"},{"email":"free@example.com"}]}""");
        var updateOnly = await PostAsync(http, Leads, """{"action":"updateOnly","input":[{"email":"nobody@example.com"}]}""");
        var byId = await PostAsync(http, Leads, """{"action":"updateOnly","lookupField":"id","input":[{"id":999999,"firstName":"x"}]}""");
        var createById = await PostAsync(http, Leads, """{"action":"createOnly","lookupField":"id","input":[{"id":1}]}""");

        Assert.Equal(["1005", "created"], createOnly.RecordOutcomes);
        Assert.Equal(["1004"], updateOnly.RecordOutcomes);
        Assert.Equal(["1004"], byId.RecordOutcomes);
        Assert.Equal("709", createById.ErrorCode);
    }

    [Fact]
    public async Task Query_errors_and_describe()
    {
        using var http = await Api.ClientAsync(ApiPermission.ReadOnly);

        Assert.Equal("1002", (await GetAsync(http, Leads)).ErrorCode);
        Assert.Equal("1003", (await GetAsync(http, $"{Leads}?filterType=cookie&filterValues=x")).ErrorCode);
        Assert.Equal("1006", (await GetAsync(http, $"{Leads}?filterType=id&filterValues=1&fields=shoeSize")).ErrorCode);
        Assert.Equal("603", (await PostAsync(http, Leads, """{"input":[{"email":"ro@example.com"}]}""")).ErrorCode);
        var describe = await GetAsync(http, "/rest/v1/leads/describe.json");
        Assert.Contains(describe.Result.EnumerateArray(), f => f.GetProperty("rest").GetProperty("name").GetString() == "email");
    }

    [Fact]
    public async Task More_than_300_leads_get_1003()
    {
        using var http = await Api.ClientAsync();
        var input = string.Join(',', Enumerable.Range(0, 301).Select(i => $"{{\"email\":\"bulk{i}@example.com\"}}"));

        Assert.Equal("1003", (await PostAsync(http, Leads, $"{{\"input\":[{input}]}}")).ErrorCode);
        Assert.Equal(0, (await GetAsync(http, $"{Leads}?filterType=email&filterValues=bulk0@example.com")).Result.GetArrayLength());
    }
}
