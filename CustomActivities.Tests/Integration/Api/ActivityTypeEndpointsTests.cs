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
        Assert.Equal("approved with draft", listed.GetProperty("status").GetString());
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
}
