using System.Text.Json;
using CustomActivities.Core.ApiClients;
using CustomActivities.Tests.Support;
using static CustomActivities.Tests.Support.ApiHarness;

namespace CustomActivities.Tests.Integration.Api;

/// <summary>Adding and reading activities answered as Marketo's documentation shows it, for clients written against Marketo.</summary>
public sealed class ActivityWireCompatibilityTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private const string Form = "application/x-www-form-urlencoded";
    private ApiHarness Api => fixture.Api;

    [Fact]
    public async Task A_skipped_record_carries_its_reasons_both_as_errors_and_as_reasons_also_when_replayed()
    {
        // https://experienceleague.adobe.com/en/docs/marketo-developer/marketo/rest/lead-database/activities: Add Custom Activities answers {"status": "skipped", "errors": [{"code": "1004", "message": "Lead not found"}]}.
        // https://experienceleague.adobe.com/en/docs/marketo-developer/marketo/rest/error-codes: "For a failed record, the "status" field is "skipped" and the record includes a "reasons" array."
        using var http = await Api.ClientAsync(ApiPermission.WriteActivitiesAndLeads);
        var lead = await Api.SeedPersonAsync();
        var body = Input(
            Activity(lead, fixture.TypeId, "Intro to APIs"),
            Activity(999_999, fixture.TypeId, "Intro to APIs"),
            Activity(lead, fixture.TypeId, "Intro to APIs", [Attr("minutes", "forty")]));

        var first = await PostAsync(http, "/rest/v1/activities/external.json", body, idempotencyKey: $"skip-{Guid.NewGuid():N}");
        var key = $"skip-{Guid.NewGuid():N}";
        var stored = await PostAsync(http, "/rest/v1/activities/external.json", body, idempotencyKey: key);
        var replayed = await PostAsync(http, "/rest/v1/activities/external.json", body, idempotencyKey: key);

        Assert.Equal(["added", "1004", "1001"], first.RecordOutcomes);
        foreach (var answer in new[] { first, stored, replayed })
        {
            var added = answer.Result[0];
            Assert.False(added.TryGetProperty("errors", out _));
            Assert.False(added.TryGetProperty("reasons", out _));
            foreach (var skipped in new[] { answer.Result[1], answer.Result[2] })
            {
                Assert.Equal("skipped", skipped.GetProperty("status").GetString());
                Assert.True(JsonElement.DeepEquals(skipped.GetProperty("errors"), skipped.GetProperty("reasons")), skipped.ToString());
                Assert.All(skipped.GetProperty("errors").EnumerateArray(), e => Assert.Equal(["code", "message"], e.EnumerateObject().Select(p => p.Name)));
            }
            Assert.Equal("1004", answer.Result[1].GetProperty("errors")[0].GetProperty("code").GetString());
        }
        Assert.Equal(stored.Result.GetRawText(), replayed.Result.GetRawText());
    }

    [Fact]
    public async Task A_POST_to_activities_with__method_GET_and_the_query_in_a_form_body_answers_exactly_as_the_GET_does()
    {
        // https://experienceleague.adobe.com/en/docs/marketo-developer/marketo/rest/error-codes: "414 Request-URI Too Long: The URI of the request exceeded 8k. The request should be retried as a POST with param _method=GET in the URL, and the rest of the query string in the body of the request."
        using var http = await Api.ClientAsync(ApiPermission.ReadOnly);
        using var writer = await Api.ClientAsync(ApiPermission.WriteActivitiesAndLeads);
        var lead = await Api.SeedPersonAsync();
        var added = await PostAsync(writer, "/rest/v1/activities/external.json", Input(
            Activity(lead, fixture.TypeId, "First", date: "2032-03-01T10:00:00Z"),
            Activity(lead, fixture.TypeId, "Second", date: "2032-03-02T10:00:00Z"),
            Activity(lead, fixture.TypeId, "Third", date: "2032-03-03T10:00:00Z")));
        Assert.Equal(["added", "added", "added"], added.RecordOutcomes);
        var token = (await GetAsync(http, "/rest/v1/activities/pagingtoken.json?sinceDatetime=2032-03-01T00:00:00Z")).Json.GetProperty("nextPageToken").GetString()!;
        var query = $"nextPageToken={Uri.EscapeDataString(token)}&activityTypeIds={fixture.TypeId}&leadIds={lead}&batchSize=2";

        var get = await GetAsync(http, $"/rest/v1/activities.json?{query}");
        var tunnelled = await PostAsync(http, "/rest/v1/activities.json?_method=GET", query, Form);
        var refused = await PostAsync(http, "/rest/v1/activities.json?_method=GET", $"nextPageToken={Uri.EscapeDataString(token)}&leadIds=abc", Form);

        Assert.True(get.Success);
        Assert.Equal(["First", "Second"], get.Result.EnumerateArray().Select(a => a.GetProperty("primaryAttributeValue").GetString()));
        Assert.Equal(get.Result.GetRawText(), tunnelled.Result.GetRawText());
        Assert.Equal((true, get.Json.GetProperty("nextPageToken").GetString()),
            (tunnelled.Json.GetProperty("moreResult").GetBoolean(), tunnelled.Json.GetProperty("nextPageToken").GetString()));
        Assert.Equal("1001", refused.ErrorCode);
    }
}
