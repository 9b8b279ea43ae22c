using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CustomActivities.Core.ActivityTypes;
using CustomActivities.Core.ApiClients;
using CustomActivities.Tests.Builders;
using CustomActivities.Tests.Support;
using CustomActivities.Web;
using CustomActivities.Web.Components.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using static CustomActivities.Tests.Support.ApiHarness;

namespace CustomActivities.Tests.Integration.Api;

/// <summary>Custom activity type metadata answered as Marketo's documentation shows it, for clients written against Marketo.</summary>
public sealed partial class ActivityTypeWireCompatibilityTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private const string Types = "/rest/v1/activities/external/type";
    private static readonly string[] MarketoStatuses = ["draft", "approved", "deleted", "approved with draft"];
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private ApiHarness Api => fixture.Api;

    private async Task<(HttpClient Http, string Label)> FullClientAsync(ApiHarness api, string name)
    {
        var client = await api.CreateApiClientAsync(ApiPermission.Full, $"{name}-{Guid.NewGuid():N}");
        return (api.WithToken(await api.TokenAsync(client)), $"api:{client.Name}");
    }

    /// <summary>Marketo's create example (activities page), with names made unique for this test.</summary>
    private static string MarketoCreateExample(string apiName, string name) => JsonSerializer.Serialize(new
    {
        apiName,
        name,
        description = "Attend the conference",
        triggerName = $"Attends {name}",
        filterName = $"Attended {name}",
        primaryAttribute = new { apiName = "conferenceName", name = "Conference Name", description = "Name of the conference" },
    });

    private static JsonElement Described(ApiAnswer answer)
    {
        Assert.True(answer.Success, answer.Json.ToString());
        return Assert.Single(answer.Result.EnumerateArray());
    }

    [Fact]
    public async Task A_type_created_with_Marketos_example_body_has_a_string_primary_attribute_when_no_data_type_is_sent()
    {
        // https://experienceleague.adobe.com/en/docs/marketo-developer/marketo/rest/lead-database/activities: create body "primaryAttribute": {"apiName": "conferenceName", "name": "Conference Name", "description": "Name of the conference"} answers "dataType": "string".
        var (http, _) = await FullClientAsync(Api, "creator");

        var created = Described(await PostAsync(http, $"{Types}.json", MarketoCreateExample("attendConference", "Conference")));

        Assert.Equal(("attendConference", "draft"), (created.GetProperty("apiName").GetString(), created.GetProperty("status").GetString()));
        var primary = created.GetProperty("primaryAttribute");
        Assert.Equal(("conferenceName", "Conference Name", "Name of the conference", "string"), (primary.GetProperty("apiName").GetString(),
            primary.GetProperty("name").GetString(), primary.GetProperty("description").GetString(), primary.GetProperty("dataType").GetString()));
    }

    [Fact]
    public async Task CreatedAt_and_updatedAt_of_type_metadata_are_written_in_UTC_with_Z_and_whole_seconds()
    {
        // https://experienceleague.adobe.com/en/docs/marketo-developer/marketo/rest/lead-database/activities: GET /rest/v1/activities/external/types.json answers "createdAt": "2016-02-03T22:36:23Z", "updatedAt": "2016-02-03T22:36:23Z".
        var (http, _) = await FullClientAsync(Api, "dates");
        Described(await PostAsync(http, $"{Types}.json", MarketoCreateExample("attendMeetup", "Meetup")));
        await using var context = Api.NewContext();
        var stored = await context.ActivityTypes.SingleAsync(t => t.ApiName == "attendMeetup", Ct);

        var listed = (await GetAsync(http, "/rest/v1/activities/external/types.json")).Result.EnumerateArray().ToList();
        var described = Described(await GetAsync(http, $"{Types}/attendMeetup/describe.json?draft=true"));

        Assert.NotEmpty(listed);
        foreach (var type in listed.Append(described))
        {
            Assert.Matches(MarketoDateTime(), type.GetProperty("createdAt").GetString());
            Assert.Matches(MarketoDateTime(), type.GetProperty("updatedAt").GetString());
        }
        Assert.Equal(stored.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), described.GetProperty("createdAt").GetString());
    }

    [Fact]
    public async Task An_approved_type_with_a_pending_draft_is_approved_with_draft_and_every_status_written_is_in_Marketos_enum()
    {
        // https://developer.adobe.com/marketo-apis/api/mapi (swagger-mapi.json, CustomActivityType.status): "enum": ["draft", "approved", "deleted", "approved with draft"].
        var (http, _) = await FullClientAsync(Api, "statuses");
        await Api.SeedTypeAsync(A.ActivityType.Named("oldSurvey", "Old survey").WithPrimary("surveyName").Archived());
        Described(await PostAsync(http, $"{Types}.json", MarketoCreateExample("attendSummit", "Summit")));
        var approved = Described(await PostAsync(http, $"{Types}/attendSummit/approve.json", ""));

        var redrafted = Described(await PostAsync(http, $"{Types}/attendSummit.json", """{"name":"Attend Summit 2027"}""")).GetProperty("status").GetString();
        var listed = (await GetAsync(http, "/rest/v1/activities/external/types.json")).Result.EnumerateArray().ToList();
        var archived = Described(await GetAsync(http, $"{Types}/oldSurvey/describe.json")).GetProperty("status").GetString();

        Assert.Equal("approved", approved.GetProperty("status").GetString());
        Assert.Equal("approved with draft", redrafted);
        Assert.Equal("approved with draft", listed.Single(t => t.GetProperty("apiName").GetString() == "attendSummit").GetProperty("status").GetString());
        Assert.Equal("deleted", archived);
        Assert.All(listed, t => Assert.Contains(t.GetProperty("status").GetString(), MarketoStatuses));
        Assert.Equal(MarketoStatuses.Order(), ApiTypeStatus.All.Order());
    }

    [Fact]
    public async Task An_integration_creates_and_approves_its_own_type_and_is_audited_as_the_drafts_author_in_English_and_French()
    {
        // https://experienceleague.adobe.com/en/docs/marketo-developer/marketo/rest/lead-database/activities: "A new custom activity type is created as a draft. Approve the type before adding activity records of that type."
        var (http, label) = await FullClientAsync(Api, "integration");
        var lead = await Api.SeedPersonAsync();
        Described(await PostAsync(http, $"{Types}.json", MarketoCreateExample("attendTradeShow", "Trade show")));

        var approved = Described(await PostAsync(http, $"{Types}/attendTradeShow/approve.json", ""));
        var added = await PostAsync(http, "/rest/v1/activities/external.json", Input(Activity(lead, "attendTradeShow", "Expo 2027")));

        Assert.Equal("approved", approved.GetProperty("status").GetString());
        Assert.Equal(["added"], added.RecordOutcomes);
        await using var context = Api.NewContext();
        var approval = await context.AuditEntries.SingleAsync(e => e.EntityId == approved.GetProperty("id").GetInt32().ToString()
            && e.Action.StartsWith("activity-type.approved"), Ct);
        Assert.Equal((ActivityTypeService.Actions.ApprovedByAuthor, label), (approval.Action, approval.Actor));
        var text = Api.Factory.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        Assert.Equal("Activity type approved by the draft's author", InCulture("en", () => text.AuditAction(approval.Action)));
        Assert.Equal("Type d'activité approuvé par l'auteur du brouillon", InCulture("fr", () => text.AuditAction(approval.Action)));
    }

    [Fact]
    public async Task With_ApiClientsMayApproveOwnDrafts_false_the_author_client_gets_709_and_another_client_approves()
    {
        await using var factory = new AppFactory().WithSetting("Approvals:ApiClientsMayApproveOwnDrafts", "false");
        var api = new ApiHarness(factory);
        var (author, _) = await FullClientAsync(api, "author");
        var (approver, approverLabel) = await FullClientAsync(api, "approver");
        Described(await PostAsync(author, $"{Types}.json", MarketoCreateExample("attendGala", "Gala")));

        var own = await PostAsync(author, $"{Types}/attendGala/approve.json", "");
        var other = Described(await PostAsync(approver, $"{Types}/attendGala/approve.json", ""));

        Assert.Equal("709", own.ErrorCode);
        Assert.Contains("another admin must approve it", own.Json.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("approved", other.GetProperty("status").GetString());
        await using var context = api.NewContext();
        var approval = await context.AuditEntries.SingleAsync(e => e.Action.StartsWith("activity-type.approved"), Ct);
        Assert.Equal((ActivityTypeService.Actions.Approved, approverLabel), (approval.Action, approval.Actor));
    }

    private static string InCulture(string culture, Func<string> read)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return read();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUi);
        }
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")]
    private static partial Regex MarketoDateTime();
}
