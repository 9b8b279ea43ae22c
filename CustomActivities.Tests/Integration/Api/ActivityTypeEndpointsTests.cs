using CustomActivities.Core.ActivityTypes;
using CustomActivities.Tests.Builders;
using CustomActivities.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CustomActivities.Tests.Support.ApiHarness;

namespace CustomActivities.Tests.Integration.Api;

public sealed class ActivityTypeEndpointsTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private ApiHarness Api => fixture.Api;

    [Fact]
    public async Task Types_are_listed_and_described_with_their_live_version_and_draft()
    {
        using var http = await Api.ClientAsync(Core.ApiClients.ApiPermission.ReadOnly);
        var withDraft = await Api.SeedTypeAsync(A.ActivityType.Named("chequeDeposited", "Cheque deposited").WithPrimary("amount", FieldDataType.Currency));
        await using (var context = Api.NewContext())
        {
            var type = await context.ActivityTypes.SingleAsync(t => t.Id == withDraft.Id, TestContext.Current.CancellationToken);
            context.ActivityTypeVersions.Add(new ActivityTypeVersion
            {
                ActivityTypeId = type.Id, Number = 2, State = VersionState.Draft, DisplayName = "Cheque cashed", TriggerName = "Cashes cheque", FilterName = "Cashed cheque",
                Fields = [new ActivityField { ApiName = "amount", DisplayName = "Amount", DataType = FieldDataType.Currency, IsPrimary = true }],
            });
            await context.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var list = await GetAsync(http, "/rest/v1/activities/external/types.json");
        var listed = list.Result.EnumerateArray().Single(t => t.GetProperty("apiName").GetString() == "chequeDeposited");
        Assert.Equal("approvedWithDraft", listed.GetProperty("status").GetString());
        Assert.Equal("Cheque deposited", listed.GetProperty("name").GetString());
        Assert.Equal("currency", listed.GetProperty("primaryAttribute").GetProperty("dataType").GetString());

        var live = await GetAsync(http, "/rest/v1/activities/external/type/chequeDeposited/describe.json");
        var draft = await GetAsync(http, "/rest/v1/activities/external/type/chequeDeposited/describe.json?draft=true");
        Assert.Equal(1, live.Result[0].GetProperty("version").GetInt32());
        Assert.Equal("Cheque cashed", draft.Result[0].GetProperty("name").GetString());
        Assert.Equal("610", (await GetAsync(http, "/rest/v1/activities/external/type/noSuchType/describe.json")).ErrorCode);
        Assert.Equal("610", (await GetAsync(http, $"/rest/v1/activities/external/type/{ApiFixture.TypeApiName}/describe.json?draft=true")).ErrorCode);

        var all = await GetAsync(http, "/rest/v1/activities/types.json");
        var every = all.Result.EnumerateArray().Single(t => t.GetProperty("id").GetInt32() == fixture.TypeId);
        Assert.Equal(10, every.GetProperty("attributes").GetArrayLength());
        Assert.Equal("webinarName", every.GetProperty("primaryAttribute").GetProperty("apiName").GetString());
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_every_endpoint_and_error_code_and_Swagger_UI_is_served()
    {
        using var http = fixture.Factory.CreateClient();

        var document = await http.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        var ui = await http.GetAsync("/api-docs/index.html", TestContext.Current.CancellationToken);

        foreach (var path in new[]
                 {
                     "/identity/oauth/token", "/rest/v1/leads.json", "/rest/v1/lead/{id}.json", "/rest/v1/leads/describe.json",
                     "/rest/v1/activities/external/types.json", "/rest/v1/activities/external/type/{apiName}/describe.json",
                     "/rest/v1/activities/types.json", "/rest/v1/activities/external.json", "/rest/v1/activities/pagingtoken.json", "/rest/v1/activities.json",
                     "/rest/v1/activities/external/type.json", "/rest/v1/activities/external/type/{apiName}.json",
                     "/rest/v1/activities/external/type/{apiName}/approve.json", "/rest/v1/activities/external/type/{apiName}/discardDraft.json",
                     "/rest/v1/activities/external/type/{apiName}/delete.json", "/rest/v1/activities/external/type/{apiName}/attributes/create.json",
                     "/rest/v1/activities/external/type/{apiName}/attributes/update.json", "/rest/v1/activities/external/type/{apiName}/attributes/delete.json",
                 })
        {
            Assert.Contains($"\"{path}\"", document, StringComparison.Ordinal);
        }
        foreach (var code in Web.Api.ApiErrors.All.Select(e => e.Code))
        {
            Assert.Contains($"| {code} |", document, StringComparison.Ordinal);
        }
        Assert.Equal(System.Net.HttpStatusCode.OK, ui.StatusCode);
    }
}
