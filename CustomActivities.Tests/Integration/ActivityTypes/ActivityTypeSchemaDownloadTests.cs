using System.Net;
using CustomActivities.Core.ActivityTypes;
using CustomActivities.Core.Auditing;
using CustomActivities.Tests.Builders;
using CustomActivities.Tests.Integration.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CustomActivities.Tests.Integration.ActivityTypes;

public sealed class ActivityTypeSchemaDownloadTests(AppFactoryFixture fixture) : IClassFixture<AppFactoryFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task ApprovedTypeAsync(string displayName)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var types = scope.ServiceProvider.GetRequiredService<ActivityTypeService>();
        var definition = Define.ActivityType.Named(displayName).WithField("minutesWatched", FieldDataType.Integer).Build();
        await types.CreateAsync(new Actor(ActorKind.User, "m", "marketer@test.local"), definition, Ct);
        var approved = await types.ApproveAsync(new Actor(ActorKind.User, "a", "admin@test.local", IsAdmin: true), definition.ApiName, cancellationToken: Ct);
        Assert.True(approved.Succeeded);
    }

    [Fact]
    public async Task A_signed_in_person_downloads_the_json_schema_of_the_live_version()
    {
        await ApprovedTypeAsync("Cheque deposited");
        using var client = await fixture.MarketerClientAsync();

        var response = await client.GetAsync("/activity-types/chequeDeposited/schema.json", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/schema+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("chequeDeposited.schema.json", response.Content.Headers.ContentDisposition!.FileName);
        Assert.Contains("\"minutesWatched\"", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/activity-types/chequeDeposited/schema.json?version=7", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/activity-types/nothingHere/schema.json", Ct)).StatusCode);
    }

    [Fact]
    public async Task Anonymous_requests_for_a_schema_are_sent_to_sign_in()
    {
        await ApprovedTypeAsync("Demo booked");
        using var client = fixture.Factory.CreateNoRedirectClient();

        var response = await client.GetAsync("/activity-types/demoBooked/schema.json", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
