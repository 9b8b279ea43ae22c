using CustomActivities.Core.Activities;
using CustomActivities.Tests.Support;
using static CustomActivities.Tests.Support.ApiHarness;

namespace CustomActivities.Tests.Integration.Api;

/// <summary>New Lead and Change Data Value recorded by lead writes, and types.json listing the standard types with the custom ones.</summary>
public sealed class StandardActivityTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private ApiHarness Api => fixture.Api;

    [Fact]
    public async Task Types_json_lists_Marketos_standard_types_with_their_ids_and_attributes_then_the_custom_types()
    {
        // https://experienceleague.adobe.com/en/docs/marketo-developer/marketo/rest/lead-database/activities (Describe): GET /rest/v1/activities/types.json → [{"id":1,"name":"Visit Webpage","description":…,"primaryAttribute":{"name":"Webpage ID","dataType":"integer"},"attributes":[{"name":"Client IP Address","dataType":"string"},…]},…]
        using var http = await Api.ClientAsync();

        var answer = await GetAsync(http, "/rest/v1/activities/types.json");

        var types = answer.Result.EnumerateArray().ToList();
        Assert.Equal([12, 13, 24, 25], types.Take(4).Select(t => t.GetProperty("id").GetInt32()));
        var change = types[1];
        Assert.Equal("Change Data Value", change.GetProperty("name").GetString());
        Assert.False(change.TryGetProperty("apiName", out _));
        Assert.Equal("Attribute Name", change.GetProperty("primaryAttribute").GetProperty("name").GetString());
        Assert.Equal(["New Value", "Old Value", "Reason", "Source"], change.GetProperty("attributes").EnumerateArray().Select(a => a.GetProperty("name").GetString()));
        Assert.Contains(types, t => t.GetProperty("id").GetInt32() == fixture.TypeId && t.GetProperty("apiName").GetString() == ApiFixture.TypeApiName);
        Assert.True(fixture.TypeId >= StandardActivityTypes.FirstCustomId);
    }

    [Fact]
    public async Task Creating_and_updating_a_lead_records_New_Lead_and_one_Change_Data_Value_per_changed_field()
    {
        // https://experienceleague.adobe.com/en/docs/marketo-developer/marketo/rest/lead-database/activities (Get Lead Changes): Data Value Change activities carry "attributes":[{"name":"Source","value":…}] and New Lead activities (12)
        using var http = await Api.ClientAsync();
        var email = $"std-{Guid.NewGuid():N}@example.com";
        var token = (await GetAsync(http, $"/rest/v1/activities/pagingtoken.json?sinceDatetime={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(-1).ToString("O"))}"))
            .Json.GetProperty("nextPageToken").GetString();

        var created = await PostAsync(http, "/rest/v1/leads.json", Input(new { email, firstName = "Ada" }));
        var lead = created.Result[0].GetProperty("id").GetInt32();
        await PostAsync(http, "/rest/v1/leads.json", Input(new { email, firstName = "Grace", company = "Navy" }));
        await PostAsync(http, "/rest/v1/activities/external.json", Input(Activity(lead, 12, "forged")));
        var page = await GetAsync(http, $"/rest/v1/activities.json?nextPageToken={token}&leadIds={lead}");

        var activities = page.Result.EnumerateArray().ToList();
        Assert.Equal([12, 13, 13], activities.Select(a => a.GetProperty("activityTypeId").GetInt32()));
        Assert.Equal(lead, activities[0].GetProperty("primaryAttributeValueId").GetInt32());
        var firstName = activities.Single(a => a.GetProperty("primaryAttributeValue").GetString() == "First Name");
        var attributes = firstName.GetProperty("attributes").EnumerateArray().ToDictionary(a => a.GetProperty("name").GetString()!, a => a.GetProperty("value"));
        Assert.Equal("Grace", attributes["New Value"].GetString());
        Assert.Equal("Ada", attributes["Old Value"].GetString());
        Assert.Equal(StandardActivities.ApiSource, attributes["Source"].GetString());
        Assert.Contains(activities, a => a.GetProperty("primaryAttributeValue").GetString() == "Company Name");
    }

    [Fact]
    public async Task Lead_changes_returns_the_requested_fields_changes_and_New_Lead_in_Marketos_shape()
    {
        // https://experienceleague.adobe.com/en/docs/marketo-developer/marketo/rest/lead-database/activities (Data Value Changes): "GET /rest/v1/activities/leadchanges.json?nextPageToken=…&fields=firstName,lastName,department" → {"activityTypeId":13,"fields":[{"id":48,"name":"firstName","newValue":…,"oldValue":…}],"attributes":[{"name":"Reason",…},{"name":"Source",…},{"name":"Lead ID",…}]}
        using var http = await Api.ClientAsync();
        var email = $"chg-{Guid.NewGuid():N}@example.com";
        var token = (await GetAsync(http, $"/rest/v1/activities/pagingtoken.json?sinceDatetime={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(-1).ToString("O"))}"))
            .Json.GetProperty("nextPageToken").GetString();
        var lead = (await PostAsync(http, "/rest/v1/leads.json", Input(new { email, firstName = "FirstName_4914" }))).Result[0].GetProperty("id").GetInt32();
        await PostAsync(http, "/rest/v1/leads.json", Input(new { email, firstName = "FirstName_6176", company = "Acme" }));

        var page = await GetAsync(http, $"/rest/v1/activities/leadchanges.json?nextPageToken={token}&fields=firstName,lastName&leadIds={lead}");
        var unknownField = await GetAsync(http, $"/rest/v1/activities/leadchanges.json?nextPageToken={token}&fields=department");

        Assert.True(page.Success);
        Assert.True(page.Json.TryGetProperty("nextPageToken", out _));
        var changes = page.Result.EnumerateArray().ToList();
        Assert.Equal([12, 13], changes.Select(c => c.GetProperty("activityTypeId").GetInt32()));
        var change = changes[1];
        Assert.Equal(lead, change.GetProperty("leadId").GetInt32());
        var field = Assert.Single(change.GetProperty("fields").EnumerateArray());
        Assert.Equal(3, field.GetProperty("id").GetInt32());
        Assert.Equal("firstName", field.GetProperty("name").GetString());
        Assert.Equal("FirstName_6176", field.GetProperty("newValue").GetString());
        Assert.Equal("FirstName_4914", field.GetProperty("oldValue").GetString());
        Assert.Equal(["Reason", "Source", "Lead ID"], change.GetProperty("attributes").EnumerateArray().Select(a => a.GetProperty("name").GetString()));
        Assert.Equal("Web service API", change.GetProperty("attributes")[0].GetProperty("value").GetString());
        Assert.Equal("1006", unknownField.ErrorCode);
    }
}
