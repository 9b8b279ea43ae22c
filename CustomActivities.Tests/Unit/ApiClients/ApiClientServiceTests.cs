using CustomActivities.Core.ApiClients;
using CustomActivities.Core.Results;
using CustomActivities.Tests.Support;

namespace CustomActivities.Tests.Unit.ApiClients;

/// <summary>Expected refusals of the API clients page come back as problems the page words, never as exceptions.</summary>
public sealed class ApiClientServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_missing_too_long_or_taken_name_is_refused_on_the_name()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var clients = host.Get<ApiClientService>();
        Assert.True((await clients.CreateAsync("CRM", ApiPermission.Full, Ct)).Succeeded);

        var empty = await clients.CreateAsync("  ", ApiPermission.Full, Ct);
        var tooLong = await clients.CreateAsync(new string('x', ApiClientService.MaxNameLength + 1), ApiPermission.Full, Ct);
        var taken = await clients.CreateAsync(" CRM ", ApiPermission.Full, Ct);

        Assert.Equal(("Name", CommonProblems.Required), (empty.Problems.Single().Field, empty.Problems.Single().Code));
        Assert.Equal([ApiClientService.MaxNameLength], tooLong.Problems.Single().Arguments);
        Assert.Equal((ApiClientErrors.NameTaken, ProblemKind.Conflict), (taken.Problems.Single().Code, taken.Kind));
        Assert.Single(await clients.ListAsync(cancellationToken: Ct));
    }

    [Fact]
    public async Task A_revoked_client_cannot_be_revoked_again_nor_get_a_new_secret_and_an_unknown_one_is_not_found()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var clients = host.Get<ApiClientService>();
        var crm = (await clients.CreateAsync("CRM", ApiPermission.Full, Ct)).Value!;
        Assert.True((await clients.RevokeAsync(crm.Id, Ct)).Succeeded);

        Assert.True((await clients.RevokeAsync(crm.Id, Ct)).Has(ApiClientErrors.Revoked));
        Assert.True((await clients.RotateSecretAsync(crm.Id, Ct)).Has(ApiClientErrors.Revoked));
        Assert.Equal(ProblemKind.NotFound, (await clients.RevokeAsync(999, Ct)).Kind);
    }
}
