using System.Text.Json;
using CustomActivities.Core.ActivityTypes;
using CustomActivities.Core.ApiClients;
using CustomActivities.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CustomActivities.Tests.Support.ApiHarness;

namespace CustomActivities.Tests.Integration.Api;

/// <summary>Creating, editing, approving and deleting custom activity types through the REST API, as Marketo's metadata endpoints.</summary>
public sealed class ActivityTypeWriteEndpointsTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private const string Types = "/rest/v1/activities/external/type";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private ApiHarness Api => fixture.Api;

    private async Task<(HttpClient Http, string Label)> FullClientAsync(string name)
    {
        var client = await Api.CreateApiClientAsync(ApiPermission.Full, $"{name}-{Guid.NewGuid():N}");
        return (Api.WithToken(await Api.TokenAsync(client)), $"api:{client.Name}");
    }

    /// <summary>A create body with unique trigger and filter names (they must differ from every other type's).</summary>
    private static string NewType(string apiName, string name, string dataType = "string") => JsonSerializer.Serialize(new
    {
        apiName,
        name,
        triggerName = $"Does {name}",
        filterName = $"Did {name}",
        description = $"A person did {name}",
        primaryAttribute = new { apiName = "title", name = "Title", description = "What it was about", dataType },
    });

    private static string Attributes(params object[] attributes) => JsonSerializer.Serialize(new { attributes });

    private static JsonElement Described(ApiAnswer answer)
    {
        Assert.True(answer.Success, answer.Json.ToString());
        return answer.Result.EnumerateArray().Single();
    }

    private static string[] AttributeNames(JsonElement type) =>
        [.. type.GetProperty("attributes").EnumerateArray().Select(a => a.GetProperty("apiName").GetString()!)];

    private async Task<int> AuditCountAsync()
    {
        await using var context = Api.NewContext();
        return await context.AuditEntries.CountAsync(e => e.EntityType == ActivityTypeService.AuditEntityType, Ct);
    }

    private async Task<int> TypeCountAsync()
    {
        await using var context = Api.NewContext();
        return await context.ActivityTypes.CountAsync(Ct);
    }

    [Fact]
    public async Task A_type_is_created_edited_approved_by_another_client_redrafted_and_deleted_and_each_step_is_audited_as_its_client()
    {
        var (author, authorLabel) = await FullClientAsync("author");
        var (approver, approverLabel) = await FullClientAsync("approver");

        var created = Described(await PostAsync(author, $"{Types}.json", NewType("courseCompleted", "Course completed")));
        Assert.Equal(("courseCompleted", "Course completed", "draft", 1), (created.GetProperty("apiName").GetString(), created.GetProperty("name").GetString(),
            created.GetProperty("status").GetString(), created.GetProperty("version").GetInt32()));
        Assert.Equal(("title", "string", true), (created.GetProperty("primaryAttribute").GetProperty("apiName").GetString(),
            created.GetProperty("primaryAttribute").GetProperty("dataType").GetString(), created.GetProperty("primaryAttribute").GetProperty("isPrimary").GetBoolean()));
        var draft = Described(await GetAsync(author, $"{Types}/courseCompleted/describe.json?draft=true"));
        Assert.Equal(created.GetProperty("id").GetInt32(), draft.GetProperty("id").GetInt32());
        Assert.Equal("Does Course completed", draft.GetProperty("triggerName").GetString());

        var added = Described(await PostAsync(author, $"{Types}/courseCompleted/attributes/create.json", Attributes(
            new { apiName = "score", name = "Score", dataType = "integer" }, new { apiName = "grade", name = "Grade", description = "A to F", dataType = "string" })));
        Assert.Equal(["score", "grade"], AttributeNames(added));
        var updated = Described(await PostAsync(author, $"{Types}/courseCompleted/attributes/update.json", Attributes(
            new { apiName = "score", name = "Final score", description = "Out of 100" })));
        var score = updated.GetProperty("attributes")[0];
        Assert.Equal(("Final score", "Out of 100", "integer"), (score.GetProperty("name").GetString(), score.GetProperty("description").GetString(), score.GetProperty("dataType").GetString()));
        var removed = Described(await PostAsync(author, $"{Types}/courseCompleted/attributes/delete.json", Attributes(new { apiName = "grade" })));
        Assert.Equal(["score"], AttributeNames(removed));

        var approved = Described(await PostAsync(approver, $"{Types}/courseCompleted/approve.json", ""));
        Assert.Equal(("approved", 1), (approved.GetProperty("status").GetString(), approved.GetProperty("version").GetInt32()));

        var redrafted = Described(await PostAsync(author, $"{Types}/courseCompleted.json", """{"name":"Course finished","description":""}"""));
        Assert.Equal(("approved with draft", 2, "Course finished"), (redrafted.GetProperty("status").GetString(), redrafted.GetProperty("version").GetInt32(), redrafted.GetProperty("name").GetString()));
        Assert.False(redrafted.TryGetProperty("description", out _));
        Assert.Equal(["score"], AttributeNames(redrafted));
        Assert.Equal("Course completed", Described(await GetAsync(author, $"{Types}/courseCompleted/describe.json")).GetProperty("name").GetString());

        var discarded = Described(await PostAsync(approver, $"{Types}/courseCompleted/discardDraft.json", ""));
        Assert.Equal(("approved", 1, "Course completed"), (discarded.GetProperty("status").GetString(), discarded.GetProperty("version").GetInt32(), discarded.GetProperty("name").GetString()));
        Assert.Equal("610", (await GetAsync(author, $"{Types}/courseCompleted/describe.json?draft=true")).ErrorCode);

        var deleted = Described(await PostAsync(approver, $"{Types}/courseCompleted/delete.json", ""));
        Assert.Equal("courseCompleted", deleted.GetProperty("apiName").GetString());
        Assert.Equal("610", (await GetAsync(author, $"{Types}/courseCompleted/describe.json")).ErrorCode);

        await using var context = Api.NewContext();
        var audit = await context.AuditEntries.Where(e => e.EntityType == ActivityTypeService.AuditEntityType && e.EntityId == created.GetProperty("id").GetInt32().ToString())
            .OrderBy(e => e.Id).Select(e => new { e.Action, e.Actor }).ToListAsync(Ct);
        Assert.Equal(
            [
                (ActivityTypeService.Actions.Created, authorLabel),
                (ActivityTypeService.Actions.DraftUpdated, authorLabel),
                (ActivityTypeService.Actions.DraftUpdated, authorLabel),
                (ActivityTypeService.Actions.DraftUpdated, authorLabel),
                (ActivityTypeService.Actions.Approved, approverLabel),
                (ActivityTypeService.Actions.DraftUpdated, authorLabel),
                (ActivityTypeService.Actions.DraftDiscarded, approverLabel),
                (ActivityTypeService.Actions.Deleted, approverLabel),
            ],
            audit.Select(e => (e.Action, e.Actor)));
    }

    [Fact]
    public async Task A_primary_swap_is_made_with_isPrimary_and_an_approved_attribute_keeps_its_data_type()
    {
        var (author, _) = await FullClientAsync("author");
        var (approver, _) = await FullClientAsync("approver");
        await PostAsync(author, $"{Types}.json", NewType("ticketClosed", "Ticket closed"));
        await PostAsync(author, $"{Types}/ticketClosed/attributes/create.json", Attributes(
            new { apiName = "queue", name = "Queue", dataType = "string" }, new { apiName = "minutes", name = "Minutes", dataType = "integer" }));
        Described(await PostAsync(approver, $"{Types}/ticketClosed/approve.json", ""));
        var audits = await AuditCountAsync();

        var retyped = await PostAsync(author, $"{Types}/ticketClosed/attributes/update.json", Attributes(new { apiName = "minutes", dataType = "float" }));
        var swapped = Described(await PostAsync(author, $"{Types}/ticketClosed/attributes/update.json", Attributes(new { apiName = "queue", isPrimary = true })));

        Assert.Equal("709", retyped.ErrorCode);
        Assert.Contains("keeps its data type (integer)", retyped.Json.GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.Equal(("queue", "approved with draft"), (swapped.GetProperty("primaryAttribute").GetProperty("apiName").GetString(), swapped.GetProperty("status").GetString()));
        Assert.Equal(["title", "minutes"], AttributeNames(swapped));
        Assert.Equal(audits + 1, await AuditCountAsync());
        Assert.Equal("title", Described(await GetAsync(author, $"{Types}/ticketClosed/describe.json")).GetProperty("primaryAttribute").GetProperty("apiName").GetString());
    }

    [Fact]
    public async Task Clients_without_full_permission_get_603_on_every_write_endpoint_and_nothing_changes()
    {
        var types = await TypeCountAsync();
        var audits = await AuditCountAsync();
        var paths = new[]
        {
            $"{Types}.json", $"{Types}/{ApiFixture.TypeApiName}.json", $"{Types}/{ApiFixture.TypeApiName}/approve.json",
            $"{Types}/{ApiFixture.TypeApiName}/discardDraft.json", $"{Types}/{ApiFixture.TypeApiName}/delete.json",
            $"{Types}/{ApiFixture.TypeApiName}/attributes/create.json", $"{Types}/{ApiFixture.TypeApiName}/attributes/update.json",
            $"{Types}/{ApiFixture.TypeApiName}/attributes/delete.json",
        };

        foreach (var permission in new[] { ApiPermission.ReadOnly, ApiPermission.WriteActivitiesAndLeads })
        {
            using var http = await Api.ClientAsync(permission);
            foreach (var path in paths)
            {
                Assert.Equal((path, "603"), (path, (await PostAsync(http, path, NewType("sneaky", "Sneaky"))).ErrorCode));
            }
        }
        Assert.Equal((types, audits), (await TypeCountAsync(), await AuditCountAsync()));
    }

    [Fact]
    public async Task Unknown_types_and_attributes_are_not_found()
    {
        var (http, _) = await FullClientAsync("crm");

        foreach (var path in new[] { ".json", "/approve.json", "/discardDraft.json", "/delete.json", "/attributes/create.json", "/attributes/update.json", "/attributes/delete.json" })
        {
            var body = path.StartsWith("/attributes", StringComparison.Ordinal) ? Attributes(new { apiName = "x", name = "X", dataType = "string" }) : """{"name":"X"}""";
            Assert.Equal((path, "610"), (path, (await PostAsync(http, $"{Types}/noSuchType{path}", body)).ErrorCode));
        }
        var unknownAttribute = await PostAsync(http, $"{Types}/{ApiFixture.TypeApiName}/attributes/delete.json", Attributes(new { apiName = "colour" }));
        Assert.Equal("1006", unknownAttribute.ErrorCode);
    }

    [Fact]
    public async Task A_type_with_activities_cannot_be_deleted()
    {
        var (http, _) = await FullClientAsync("crm");
        var leadId = await Api.SeedPersonAsync();
        Assert.Equal(["added"], (await PostAsync(http, "/rest/v1/activities/external.json", Input(Activity(leadId, ApiFixture.TypeApiName, "Intro")))).RecordOutcomes);

        var answer = await PostAsync(http, $"{Types}/{ApiFixture.TypeApiName}/delete.json", "");

        Assert.Equal("709", answer.ErrorCode);
        Assert.Contains("Archive it instead", answer.Json.GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.Equal("approved", Described(await GetAsync(http, $"{Types}/{ApiFixture.TypeApiName}/describe.json")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Malformed_or_misshapen_bodies_are_609_and_other_content_types_612_and_nothing_is_written()
    {
        var (http, _) = await FullClientAsync("crm");
        var types = await TypeCountAsync();
        var audits = await AuditCountAsync();

        Assert.Equal("609", (await PostAsync(http, $"{Types}.json", """{"apiName":"broken",""")).ErrorCode);
        Assert.Equal("609", (await PostAsync(http, $"{Types}.json", """["not","an","object"]""")).ErrorCode);
        Assert.Equal("609", (await PostAsync(http, $"{Types}.json", """{"apiName":"broken","name":7}""")).ErrorCode);
        Assert.Equal("609", (await PostAsync(http, $"{Types}/{ApiFixture.TypeApiName}/attributes/create.json", """{"attributes":{"apiName":"x"}}""")).ErrorCode);
        Assert.Equal("609", (await PostAsync(http, $"{Types}/{ApiFixture.TypeApiName}/attributes/update.json", """{"attributes":[{"apiName":"minutes","isPrimary":"yes"}]}""")).ErrorCode);
        Assert.Equal("612", (await PostAsync(http, $"{Types}.json", NewType("plainText", "Plain text"), "text/plain")).ErrorCode);

        Assert.Equal((types, audits), (await TypeCountAsync(), await AuditCountAsync()));
    }

    [Fact]
    public async Task Invalid_definitions_are_refused_with_the_services_reasons_and_nothing_is_written()
    {
        var (http, _) = await FullClientAsync("crm");
        var types = await TypeCountAsync();
        var audits = await AuditCountAsync();

        var missing = await PostAsync(http, $"{Types}.json", """{"apiName":"noName","triggerName":"Does x","filterName":"Did x","primaryAttribute":{"apiName":"a","name":"A","dataType":"string"}}""");
        var badType = await PostAsync(http, $"{Types}.json", NewType("badType", "Bad type", dataType: "colour"));
        var taken = await PostAsync(http, $"{Types}.json", NewType(ApiFixture.TypeApiName, "Taken name"));
        var twice = await PostAsync(http, $"{Types}/{ApiFixture.TypeApiName}/attributes/create.json", Attributes(new { apiName = "notes", name = "Notes", dataType = "text" }));

        Assert.Equal(("1002", "name: Enter a display name."), (missing.ErrorCode, missing.Json.GetProperty("errors")[0].GetProperty("message").GetString()));
        Assert.Equal("1003", badType.ErrorCode);
        Assert.StartsWith("primaryAttribute.dataType: Unknown data type \"colour\"", badType.Json.GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.Equal("709", taken.ErrorCode);
        Assert.Equal("1003", twice.ErrorCode);
        Assert.False(missing.Success || badType.Success || taken.Success || twice.Success);
        Assert.Equal((types, audits), (await TypeCountAsync(), await AuditCountAsync()));
        Assert.Equal("610", (await GetAsync(http, $"{Types}/{ApiFixture.TypeApiName}/describe.json?draft=true")).ErrorCode);
    }
}
