using System.Net;
using CustomActivities.Core.Auditing;
using CustomActivities.Core.Users;
using CustomActivities.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CustomActivities.Tests.Integration.Hosting;

/// <summary>An admin's lock or role change ends the user's open sessions at their next request, not 30 minutes later.</summary>
public sealed class SessionRevocationTests(AppFactoryFixture fixture) : IClassFixture<AppFactoryFixture>
{
    [Fact]
    public async Task Locking_an_account_signs_its_open_session_out_at_the_next_request()
    {
        var email = $"locked-{Guid.NewGuid():N}@test.local";
        await fixture.Factory.CreateUserAsync(email, Roles.Marketer);
        using var client = await fixture.Factory.SignedInClientAsync(email, AppFactory.DefaultPassword);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/people", TestContext.Current.CancellationToken)).StatusCode);

        await AsAdminAsync((users, id) => users.SetLockedAsync(AdminActor, id, locked: true), email);

        var response = await client.GetAsync("/people", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        // Signing in again says who locked it: not failed attempts that pass in 15 minutes, but an admin.
        using var again = fixture.Factory.CreateNoRedirectClient();
        var refused = await AppFactory.PostLoginAsync(again, email, AppFactory.DefaultPassword);
        Assert.Equal("/Account/Lockout?reason=admin", refused.Headers.Location!.PathAndQuery);
        var page = await again.GetStringAsync(refused.Headers.Location, TestContext.Current.CancellationToken);
        Assert.Contains("An admin has locked this account.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Taking_the_admin_role_away_closes_admin_pages_at_the_next_request()
    {
        var email = $"demoted-{Guid.NewGuid():N}@test.local";
        await fixture.Factory.CreateUserAsync(email, Roles.Admin);
        using var client = await fixture.Factory.SignedInClientAsync(email, AppFactory.DefaultPassword);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/users", TestContext.Current.CancellationToken)).StatusCode);

        await AsAdminAsync((users, id) => users.ChangeRoleAsync(AdminActor, id, Roles.Marketer), email);

        var response = await client.GetAsync("/users", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private static readonly Actor AdminActor = new(ActorKind.User, "test-admin", AppFactory.AdminEmail, IsAdmin: true);

    private async Task AsAdminAsync(Func<UserAdministration, string, Task<UserOperationResult>> change, string email)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email);
        var result = await change(scope.ServiceProvider.GetRequiredService<UserAdministration>(), user!.Id);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
    }
}
