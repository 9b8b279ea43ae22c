using System.Net;
using CustomActivities.Core.Auditing;
using CustomActivities.Core.Users;
using CustomActivities.Tests.Support;
using CustomActivities.Core.Results;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CustomActivities.Tests.Integration.Hosting;

/// <summary>An admin's lock or role change ends the user's open sessions at their next checked request.</summary>
public sealed class SessionRevocationTests : IAsyncLifetime
{
    private static readonly Actor AdminActor = new(ActorKind.User, "test-admin", AppFactory.AdminEmail, IsAdmin: true);

    // Every request checks the session here, so the test needs not wait for Security:SessionCheckSeconds.
    private readonly AppFactory factory = new AppFactory().WithSetting("Security:SessionCheckSeconds", "0");

    [Fact]
    public async Task Locking_an_account_signs_its_open_session_out_at_the_next_request()
    {
        var (email, client) = await SignedInAsync(Roles.Marketer, "/people");

        await AsAdminAsync((users, id) => users.SetLockedAsync(AdminActor, id, locked: true), email);

        await AssertSentToSignInAsync(client, "/people");

        // Signing in again says who locked it: not failed attempts that pass in 15 minutes, but an admin.
        using var again = factory.CreateNoRedirectClient();
        var refused = await AppFactory.PostLoginAsync(again, email, AppFactory.DefaultPassword);
        Assert.Equal("/Account/Lockout?reason=admin", refused.Headers.Location!.PathAndQuery);
        var page = await again.GetStringAsync(refused.Headers.Location, TestContext.Current.CancellationToken);
        Assert.Contains("An admin has locked this account.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Taking_the_admin_role_away_closes_admin_pages_at_the_next_request()
    {
        var (email, client) = await SignedInAsync(Roles.Admin, "/users");

        await AsAdminAsync((users, id) => users.ChangeRoleAsync(AdminActor, id, Roles.Marketer), email);

        await AssertSentToSignInAsync(client, "/users");
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => factory.DisposeAsync();

    /// <summary>A new user with <paramref name="role"/>, signed in, who opens <paramref name="path"/>.</summary>
    private async Task<(string Email, HttpClient Client)> SignedInAsync(string role, string path)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.local";
        await factory.CreateUserAsync(email, role);
        var client = await factory.SignedInClientAsync(email, AppFactory.DefaultPassword);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path, TestContext.Current.CancellationToken)).StatusCode);
        return (email, client);
    }

    private static async Task AssertSentToSignInAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private async Task AsAdminAsync(Func<UserAdministration, string, Task<Result>> change, string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email);
        var result = await change(scope.ServiceProvider.GetRequiredService<UserAdministration>(), user!.Id);
        Assert.True(result.Succeeded, string.Join(" ", result.Problems));
    }
}
