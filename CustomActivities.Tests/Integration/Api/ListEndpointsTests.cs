using CustomActivities.Core.Activities;
using CustomActivities.Core.Lists;
using CustomActivities.Core.People;
using CustomActivities.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static CustomActivities.Tests.Support.ApiHarness;

namespace CustomActivities.Tests.Integration.Api;

/// <summary>Marketo's static list endpoints, each from its documented request and answer.</summary>
public sealed class ListEndpointsTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private const string MembershipDoc = "https://experienceleague.adobe.com/en/docs/marketo-developer/marketo/rest/lead-database/list-membership";
    private ApiHarness Api => fixture.Api;

    private async Task<int> CreateListAsync(string name)
    {
        await using var scope = Api.Factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<StaticListService>().CreateAsync(name, null, TestContext.Current.CancellationToken);
        return result.Value;
    }

    [Fact]
    public async Task Add_to_list_answers_added_per_lead_and_skipped_1004_for_an_unknown_lead()
    {
        // MembershipDoc: "POST /rest/v1/lists/{listId}/leads.json?id=318594&id=318595" → [{"id":318594,"status":"added"},{"id":318595,"status":"skipped","reasons":[{"code":"1004","message":"Lead not found"}]}]
        using var http = await Api.ClientAsync();
        var list = await CreateListAsync($"Add {Guid.NewGuid():N}");
        var lead = await Api.SeedPersonAsync();

        var answer = await PostAsync(http, $"/rest/v1/lists/{list}/leads.json?id={lead}&id=999999", "");

        Assert.True(answer.Success);
        Assert.Equal(lead, answer.Result[0].GetProperty("id").GetInt32());
        Assert.Equal("added", answer.Result[0].GetProperty("status").GetString());
        Assert.Equal(999999, answer.Result[1].GetProperty("id").GetInt32());
        Assert.Equal("skipped", answer.Result[1].GetProperty("status").GetString());
        Assert.Equal("1004", answer.Result[1].GetProperty("reasons")[0].GetProperty("code").GetString());
        Assert.Equal("Lead not found", answer.Result[1].GetProperty("reasons")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task Remove_from_list_answers_removed_and_skipped_with_reasons()
    {
        // MembershipDoc: "DELETE /rest/v1/lists/{listId}/leads.json?id=318603&id=318595&id=999999" → removed, removed, skipped 1004 "Lead not found"
        using var http = await Api.ClientAsync();
        var list = await CreateListAsync($"Remove {Guid.NewGuid():N}");
        var first = await Api.SeedPersonAsync();
        var second = await Api.SeedPersonAsync();
        var outsider = await Api.SeedPersonAsync();
        await PostAsync(http, $"/rest/v1/lists/{list}/leads.json?id={first},{second}", "");

        using var request = new HttpRequestMessage(HttpMethod.Delete, $"/rest/v1/lists/{list}/leads.json?id={first}&id={second}&id=999999&id={outsider}");
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var answer = new ApiAnswer((int)response.StatusCode, json.RootElement.Clone());

        Assert.Equal(["removed", "removed", "1004", "1015"], answer.RecordOutcomes);
    }

    [Fact]
    public async Task Member_of_list_answers_memberof_notmemberof_and_skipped()
    {
        // MembershipDoc: "GET /rest/v1/lists/{listId}/leads/ismember.json?id=309901&id=318603&id=999999" → memberof, notmemberof, skipped 1004
        using var http = await Api.ClientAsync();
        var list = await CreateListAsync($"Member {Guid.NewGuid():N}");
        var member = await Api.SeedPersonAsync();
        var other = await Api.SeedPersonAsync();
        await PostAsync(http, $"/rest/v1/lists/{list}/leads.json", Input(new { id = member }));

        var answer = await GetAsync(http, $"/rest/v1/lists/{list}/leads/ismember.json?id={member}&id={other}&id=999999");

        Assert.Equal(["memberof", "notmemberof", "1004"], answer.RecordOutcomes);
    }

    [Fact]
    public async Task Get_leads_by_list_id_pages_with_batchSize_and_nextPageToken_and_default_fields()
    {
        // MembershipDoc: "GET /rest/v1/lists/{listId}/leads.json?batchSize=3" → leads with id, firstName, lastName, email, updatedAt, createdAt and a nextPageToken
        using var http = await Api.ClientAsync();
        var list = await CreateListAsync($"Members {Guid.NewGuid():N}");
        var leads = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            leads.Add(await Api.SeedPersonAsync());
        }
        await PostAsync(http, $"/rest/v1/lists/{list}/leads.json?id={string.Join(',', leads)}", "");

        var first = await GetAsync(http, $"/rest/v1/lists/{list}/leads.json?batchSize=3");
        var token = first.Json.GetProperty("nextPageToken").GetString();
        var second = await GetAsync(http, $"/rest/v1/lists/{list}/leads.json?batchSize=3&nextPageToken={token}");

        Assert.Equal(leads.Take(3), first.Result.EnumerateArray().Select(l => l.GetProperty("id").GetInt32()));
        Assert.Equal(new[] { "id", "email", "firstName", "lastName", "updatedAt", "createdAt" }.Order(), first.Result[0].EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(leads.Skip(3), second.Result.EnumerateArray().Select(l => l.GetProperty("id").GetInt32()));
        Assert.False(second.Json.TryGetProperty("nextPageToken", out _));
    }

    [Fact]
    public async Task Lists_are_read_by_id_name_and_page_and_an_unknown_list_answers_1013()
    {
        // https://developer.adobe.com/marketo-apis/api/mapi/ (getListsUsingGET): "Returns a set of static list records based on given filter parameters" (id, name, batchSize, nextPageToken)
        using var http = await Api.ClientAsync();
        var name = $"Webinar {Guid.NewGuid():N}";
        var id = await CreateListAsync(name);
        var other = await CreateListAsync($"Other {Guid.NewGuid():N}");

        var byName = await GetAsync(http, $"/rest/v1/lists.json?name={Uri.EscapeDataString(name)}");
        var byId = await GetAsync(http, $"/rest/v1/lists.json?id={id},{other}&batchSize=1");
        var one = await GetAsync(http, $"/rest/v1/lists/{id}.json");
        var unknown = await GetAsync(http, "/rest/v1/lists/987654.json");
        var unknownMembers = await PostAsync(http, "/rest/v1/lists/987654/leads.json?id=1", "");

        Assert.Equal(id, Assert.Single(byName.Result.EnumerateArray()).GetProperty("id").GetInt32());
        Assert.Equal(id, Assert.Single(byId.Result.EnumerateArray()).GetProperty("id").GetInt32());
        var next = await GetAsync(http, $"/rest/v1/lists.json?id={id},{other}&batchSize=1&nextPageToken={byId.Json.GetProperty("nextPageToken").GetString()}");
        Assert.Equal(other, Assert.Single(next.Result.EnumerateArray()).GetProperty("id").GetInt32());
        Assert.Equal(name, one.Result[0].GetProperty("name").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", one.Result[0].GetProperty("createdAt").GetString()!);
        Assert.Equal("1013", unknown.ErrorCode);
        Assert.Equal("1013", unknownMembers.ErrorCode);
    }

    [Fact]
    public async Task More_than_300_ids_are_refused_and_a_read_only_client_may_not_change_members()
    {
        // MembershipDoc: "one or more id query parameters which contain lead ids (maximum allowed is 300)"
        using var http = await Api.ClientAsync();
        using var reader = await Api.ClientAsync(Core.ApiClients.ApiPermission.ReadOnly);
        var list = await CreateListAsync($"Limits {Guid.NewGuid():N}");

        var tooMany = await PostAsync(http, $"/rest/v1/lists/{list}/leads.json?id={string.Join(',', Enumerable.Range(1, 301))}", "");
        var denied = await PostAsync(reader, $"/rest/v1/lists/{list}/leads.json?id=1", "");

        Assert.Equal("1003", tooMany.ErrorCode);
        Assert.Equal("603", denied.ErrorCode);
    }

    [Fact]
    public async Task Activities_json_with_listId_returns_only_members_activities_and_an_unknown_list_answers_1013()
    {
        // https://developer.adobe.com/marketo-apis/api/mapi/ (getLeadActivitiesUsingGET) listId: "Id of a static list. If set, will only return activities of members of this static list."
        using var http = await Api.ClientAsync();
        var list = await CreateListAsync($"Filter {Guid.NewGuid():N}");
        var member = await Api.SeedPersonAsync();
        var outsider = await Api.SeedPersonAsync();
        await PostAsync(http, $"/rest/v1/lists/{list}/leads.json?id={member}", "");
        var date = "2040-01-01T00:00:00Z";
        await PostAsync(http, "/rest/v1/activities/external.json", Input(Activity(member, fixture.TypeId, "in", date: date), Activity(outsider, fixture.TypeId, "out", date: date)));
        var token = (await GetAsync(http, $"/rest/v1/activities/pagingtoken.json?sinceDatetime={date}")).Json.GetProperty("nextPageToken").GetString();

        var page = await GetAsync(http, $"/rest/v1/activities.json?nextPageToken={token}&listId={list}&activityTypeIds={fixture.TypeId}");
        var unknown = await GetAsync(http, $"/rest/v1/activities.json?nextPageToken={token}&listId=987654");

        Assert.Equal(["in"], page.Result.EnumerateArray().Select(a => a.GetProperty("primaryAttributeValue").GetString()));
        Assert.Equal("1013", unknown.ErrorCode);
    }

    [Fact]
    public async Task Adding_and_removing_record_Add_to_List_and_Remove_from_List_activities_with_the_list_as_primary_attribute()
    {
        // https://developer.adobe.com/marketo-apis/api/mapi/ (Activity): "primaryAttributeValueId: Id of the primary attribute field", "primaryAttributeValue: Value of the primary attribute"
        using var http = await Api.ClientAsync();
        var name = $"Journey {Guid.NewGuid():N}";
        var list = await CreateListAsync(name);
        var lead = await Api.SeedPersonAsync();
        var token = (await GetAsync(http, $"/rest/v1/activities/pagingtoken.json?sinceDatetime={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(-1).ToString("O"))}"))
            .Json.GetProperty("nextPageToken").GetString();

        await PostAsync(http, $"/rest/v1/lists/{list}/leads.json?id={lead}", "");
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"/rest/v1/lists/{list}/leads.json?id={lead}");
        (await http.SendAsync(request, TestContext.Current.CancellationToken)).Dispose();
        var page = await GetAsync(http, $"/rest/v1/activities.json?nextPageToken={token}&leadIds={lead}&activityTypeIds=24,25");

        Assert.Equal([StandardActivityTypes.AddToList, StandardActivityTypes.RemoveFromList],
            page.Result.EnumerateArray().Select(a => a.GetProperty("activityTypeId").GetInt32()));
        Assert.All(page.Result.EnumerateArray(), a =>
        {
            Assert.Equal(list, a.GetProperty("primaryAttributeValueId").GetInt32());
            Assert.Equal(name, a.GetProperty("primaryAttributeValue").GetString());
        });
    }
}
