using System.Text.Json.Nodes;
using System.Text.Json;
using CustomActivities.Core.ActivityTypes;
using CustomActivities.Core.ApiClients;
using CustomActivities.Tests.Builders;
using CustomActivities.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CustomActivities.Tests.Support.ApiHarness;

namespace CustomActivities.Tests.Integration.Api;

public sealed class AddActivitiesTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private const string Path = "/rest/v1/activities/external.json";
    private ApiHarness Api => fixture.Api;

    [Fact]
    public async Task Valid_records_are_added_with_canonical_values_by_type_id_or_api_name()
    {
        using var http = await Api.ClientAsync(ApiPermission.WriteActivitiesAndLeads);
        var lead = await Api.SeedPersonAsync();
        object[] every =
        [
            Attr("notes", "long text"), Attr("minutes", 42), Attr("score", "4.5"), Attr("attended", true), Attr("contact", "ada@example.com"),
            Attr("phone", "+44 20 7946 0000"), Attr("recording", "https://example.com/r/1"), Attr("fee", 19.99), Attr("day", "2026-11-01"),
            new { name = "joinedAt", value = "2026-11-01T10:05:00+01:00" },
        ];

        var answer = await PostAsync(http, Path, Input(
            Activity(lead, fixture.TypeId, "Intro", every),
            Activity(lead, ApiFixture.TypeApiName, "Advanced", [new { name = "Minutes watched", value = "7" }])));

        Assert.Equal(200, answer.Status);
        Assert.True(answer.Success);
        Assert.Equal(["added", "added"], answer.RecordOutcomes);
        var ids = answer.Result.EnumerateArray().Select(r => r.GetProperty("id").GetInt64()).ToList();
        await using var context = Api.NewContext();
        var stored = await context.Activities.Where(a => ids.Contains(a.Id)).OrderBy(a => a.Id).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["Intro", "Advanced"], stored.Select(a => a.PrimaryValue));
        Assert.All(stored, a => Assert.Equal(lead, a.PersonId));
        Assert.All(stored, a => Assert.Equal(1, a.TypeVersionNumber));
        using var attributes = JsonDocument.Parse(stored[0].Attributes!);
        var root = attributes.RootElement;
        Assert.Equal(42, root.GetProperty("minutes").GetInt32());
        Assert.Equal(4.5, root.GetProperty("score").GetDouble());
        Assert.True(root.GetProperty("attended").GetBoolean());
        Assert.Equal(19.99m, root.GetProperty("fee").GetDecimal());
        Assert.Equal("2026-11-01T09:05:00Z", root.GetProperty("joinedAt").GetString());
        // Compared as JSON: PostgreSQL's jsonb hands back its own spacing.
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"minutes":7}"""), JsonNode.Parse(stored[1].Attributes!)), stored[1].Attributes);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 10, 0, 0, TimeSpan.Zero), stored[0].OccurredAt);
    }

    public static readonly TheoryData<string, object> WrongValues = new()
    {
        { "minutes", "forty" },
        { "minutes", 1.5 },
        { "score", "high" },
        { "attended", "maybe" },
        { "attended", 1 },
        { "contact", "not-an-email" },
        { "phone", "call me" },
        { "recording", "ftp//nowhere" },
        { "fee", "ten euros" },
        { "day", "01/11/2026" },
        { "joinedAt", "yesterday" },
        { "notes", new { nested = true } },
    };

    [Theory]
    [MemberData(nameof(WrongValues))]
    public async Task A_value_of_the_wrong_type_skips_the_record_with_1001_and_stores_nothing(string field, object value)
    {
        using var http = await Api.ClientAsync();
        var lead = await Api.SeedPersonAsync();
        var before = await Api.ActivityCountAsync();

        var answer = await PostAsync(http, Path, Input(Activity(lead, fixture.TypeId, "Intro", [Attr(field, value)])));

        Assert.True(answer.Success);
        Assert.Equal(["1001"], answer.RecordOutcomes);
        Assert.Contains(field, answer.Result[0].GetProperty("reasons")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await Api.ActivityCountAsync());
    }

    [Fact]
    public async Task A_mixed_batch_stores_the_valid_records_and_explains_each_skipped_one_in_input_order()
    {
        using var http = await Api.ClientAsync();
        var lead = await Api.SeedPersonAsync();
        var draft = await Api.SeedTypeAsync(A.ActivityType.Named("draftOnly", "Draft only").AsDraft());
        var archived = await Api.SeedTypeAsync(A.ActivityType.Named("oldOne", "Old one").Archived());
        var before = await Api.ActivityCountAsync();

        var answer = await PostAsync(http, Path, Input(
            Activity(lead, fixture.TypeId, "ok 1"),
            Activity(lead, fixture.TypeId, "x", [Attr("noSuchField", 1)]),
            Activity(lead, fixture.TypeId, null),
            Activity(999_999, fixture.TypeId, "ghost"),
            Activity(lead, draft.Id, "x"),
            Activity(lead, archived.ApiName, "x"),
            Activity(lead, 987_654, "x"),
            new { leadId = lead, activityTypeId = fixture.TypeId, primaryAttributeValue = "no date" },
            Activity(lead, fixture.TypeId, "bad date", date: "tomorrow"),
            Activity(lead, fixture.TypeId, new string('x', 256)),
            Activity(lead, ApiFixture.TypeApiName, "ok 2")));

        Assert.True(answer.Success);
        Assert.Equal(["added", "1006", "1002", "1004", "1003", "1003", "1003", "1002", "1001", "1003", "added"], answer.RecordOutcomes);
        Assert.Contains("not approved", answer.Result[4].GetProperty("reasons")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("archived", answer.Result[5].GetProperty("reasons")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(before + 2, await Api.ActivityCountAsync());
    }

    [Fact]
    public async Task Approving_a_type_makes_it_accept_activities_at_once()
    {
        using var http = await Api.ClientAsync();
        var lead = await Api.SeedPersonAsync();
        var type = await Api.SeedTypeAsync(A.ActivityType.Named("laterApproved", "Later approved").AsDraft());
        Assert.Equal(["1003"], (await PostAsync(http, Path, Input(Activity(lead, type.Id, "x")))).RecordOutcomes);

        await using (var context = Api.NewContext())
        {
            var stored = await context.ActivityTypes.Include(t => t.Versions).SingleAsync(t => t.Id == type.Id, TestContext.Current.CancellationToken);
            stored.Versions[0].State = VersionState.Approved;
            stored.LiveVersionNumber = 1;
            await context.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        Assert.Equal(["added"], (await PostAsync(http, Path, Input(Activity(lead, type.Id, "x")))).RecordOutcomes);
    }

    [Fact]
    public async Task A_dry_run_answers_like_a_real_call_and_stores_nothing()
    {
        using var http = await Api.ClientAsync();
        var lead = await Api.SeedPersonAsync();
        var before = await Api.ActivityCountAsync();

        var answer = await PostAsync(http, Path + "?dryRun=true", Input(Activity(lead, fixture.TypeId, "ok"), Activity(404_404, fixture.TypeId, "ghost")));

        Assert.True(answer.Success);
        Assert.Equal(["added", "1004"], answer.RecordOutcomes);
        Assert.Equal(before, await Api.ActivityCountAsync());
    }

    [Fact]
    public async Task A_retry_with_the_same_idempotency_key_returns_the_first_answer_and_adds_nothing()
    {
        using var http = await Api.ClientAsync();
        var lead = await Api.SeedPersonAsync();
        var body = Input(Activity(lead, fixture.TypeId, "once"), Activity(lead, fixture.TypeId, "twice"), Activity(lead, fixture.TypeId, null));
        var before = await Api.ActivityCountAsync();

        var first = await PostAsync(http, Path, body, idempotencyKey: "call-1");
        var retry = await PostAsync(http, Path, body, idempotencyKey: "call-1");
        var otherBody = await PostAsync(http, Path, Input(Activity(lead, fixture.TypeId, "different")), idempotencyKey: "call-1");

        Assert.Equal(["added", "added", "1002"], first.RecordOutcomes);
        Assert.Equal(first.Result.GetRawText(), retry.Result.GetRawText());
        Assert.Equal("709", otherBody.ErrorCode);
        Assert.Equal(before + 2, await Api.ActivityCountAsync());
    }

    [Fact]
    public async Task Concurrent_calls_with_one_idempotency_key_store_the_batch_once()
    {
        using var http = await Api.ClientAsync();
        var lead = await Api.SeedPersonAsync();
        var body = Input(Activity(lead, fixture.TypeId, "racing"));
        var before = await Api.ActivityCountAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => PostAsync(http, Path, body, idempotencyKey: "race")));

        Assert.All(answers, a => Assert.Equal(answers[0].Result.GetRawText(), a.Result.GetRawText()));
        Assert.Equal(before + 1, await Api.ActivityCountAsync());
    }

    [Fact]
    public async Task More_than_300_records_are_refused_with_1003_and_nothing_is_stored()
    {
        using var http = await Api.ClientAsync();
        var lead = await Api.SeedPersonAsync();
        var before = await Api.ActivityCountAsync();

        var answer = await PostAsync(http, Path, Input([.. Enumerable.Range(0, 301).Select(i => Activity(lead, fixture.TypeId, $"r{i}"))]));

        Assert.False(answer.Success);
        Assert.Equal("1003", answer.ErrorCode);
        Assert.Equal(0, answer.Result.GetArrayLength());
        Assert.Equal(before, await Api.ActivityCountAsync());
    }

    [Fact]
    public async Task Exactly_300_records_are_added_in_one_call()
    {
        using var http = await Api.ClientAsync();
        var lead = await Api.SeedPersonAsync();
        var before = await Api.ActivityCountAsync();

        var answer = await PostAsync(http, Path, Input([.. Enumerable.Range(0, 300).Select(i => Activity(lead, fixture.TypeId, $"r{i}"))]));

        Assert.All(answer.RecordOutcomes, o => Assert.Equal("added", o));
        Assert.Equal(before + 300, await Api.ActivityCountAsync());
    }

    public static readonly TheoryData<string, string, string> BadRequests = new()
    {
        { "{\"input\":[{\"leadId\":1,", "application/json", "609" },
        { "[1,2,3]", "application/json", "609" },
        { "{\"input\":{}}", "application/json", "609" },
        { "{\"input\":[]}", "application/json", "1002" },
        { "{}", "application/json", "1002" },
        { "{\"input\":[]}", "text/plain", "612" },
        { "input=1", "application/x-www-form-urlencoded", "612" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task A_malformed_call_gets_its_error_code_with_HTTP_200_and_stores_nothing(string body, string contentType, string code)
    {
        using var http = await Api.ClientAsync();
        var before = await Api.ActivityCountAsync();

        var answer = await PostAsync(http, Path, body, contentType);

        Assert.Equal(200, answer.Status);
        Assert.False(answer.Success);
        Assert.Equal(code, answer.ErrorCode);
        Assert.True(answer.Json.TryGetProperty("requestId", out _));
        Assert.Equal(0, answer.Json.GetProperty("warnings").GetArrayLength());
        Assert.Equal(before, await Api.ActivityCountAsync());
    }

    [Fact]
    public async Task A_body_over_1_MB_gets_413_and_nothing_is_stored()
    {
        using var http = await Api.ClientAsync();
        var lead = await Api.SeedPersonAsync();
        var before = await Api.ActivityCountAsync();
        var huge = new string('x', 2 * 1024 * 1024);

        var answer = await PostAsync(http, Path, Input(Activity(lead, fixture.TypeId, "big", [Attr("notes", huge)])));

        Assert.Equal(413, answer.Status);
        Assert.Equal("413", answer.ErrorCode);
        Assert.Equal(before, await Api.ActivityCountAsync());
    }

    [Fact]
    public async Task A_read_only_client_gets_603_and_nothing_is_stored()
    {
        using var http = await Api.ClientAsync(ApiPermission.ReadOnly);
        var lead = await Api.SeedPersonAsync();
        var before = await Api.ActivityCountAsync();

        var answer = await PostAsync(http, Path, Input(Activity(lead, fixture.TypeId, "nope")));

        Assert.Equal("603", answer.ErrorCode);
        Assert.Equal(before, await Api.ActivityCountAsync());
    }
}
