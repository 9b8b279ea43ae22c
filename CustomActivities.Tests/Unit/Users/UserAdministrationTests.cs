using CustomActivities.Core.Auditing;
using CustomActivities.Core.Users;
using CustomActivities.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CustomActivities.Tests.Unit.Users;

public sealed class UserAdministrationTests
{
    private static readonly Actor Admin = new(ActorKind.User, "admin-id", "admin@test.local", IsAdmin: true);

    [Fact]
    public async Task Creates_a_user_with_a_role_and_audits_it()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var users = host.Get<UserAdministration>();

        var result = await users.CreateAsync(Admin, "mark@example.com", null, "Marketer-Password-1", Roles.Marketer);

        Assert.True(result.Succeeded);
        var mark = (await users.ListAsync(Admin, TestContext.Current.CancellationToken)).Single(u => u.Email == "mark@example.com");
        Assert.Equal(Roles.Marketer, mark.Role);
        Assert.False(mark.IsLockedOut);
        await using var context = host.NewContext();
        var audit = await context.AuditEntries.SingleAsync(e => e.Action == "user.created", TestContext.Current.CancellationToken);
        Assert.Equal("admin@test.local", audit.Actor);
        Assert.Contains("Marketer", audit.After);
    }

    [Fact]
    public async Task Refuses_weak_passwords_duplicate_emails_and_unknown_roles_with_messages()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var users = host.Get<UserAdministration>();

        var weak = await users.CreateAsync(Admin, "a@example.com", null, "short", Roles.Marketer);
        var unknownRole = await users.CreateAsync(Admin, "b@example.com", null, "Long-enough-password-1", "Owner");
        await users.CreateAsync(Admin, "c@example.com", null, "Long-enough-password-1", Roles.Marketer);
        var duplicate = await users.CreateAsync(Admin, "c@example.com", null, "Long-enough-password-1", Roles.Marketer);

        Assert.False(weak.Succeeded);
        Assert.Contains(weak.Problems, e => e.Message.Contains("at least 10", StringComparison.Ordinal));
        Assert.False(unknownRole.Succeeded);
        Assert.False(duplicate.Succeeded);
        Assert.Contains("already taken", Assert.Single(duplicate.Problems).Message, StringComparison.Ordinal);
        Assert.Equal(2, (await users.ListAsync(Admin, TestContext.Current.CancellationToken)).Count); // the seeded admin and c@
    }

    [Fact]
    public async Task Changes_role_but_never_ones_own()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var users = host.Get<UserAdministration>();
        await users.CreateAsync(Admin, "mark@example.com", null, "Marketer-Password-1", Roles.Marketer);
        var mark = (await users.ListAsync(Admin, TestContext.Current.CancellationToken)).Single(u => u.Email == "mark@example.com");

        Assert.True((await users.ChangeRoleAsync(Admin, mark.Id, Roles.Admin)).Succeeded);
        var self = new Actor(ActorKind.User, mark.Id, mark.Email, IsAdmin: true);
        Assert.False((await users.ChangeRoleAsync(self, mark.Id, Roles.Marketer)).Succeeded);

        var after = (await users.ListAsync(Admin, TestContext.Current.CancellationToken)).Single(u => u.Id == mark.Id);
        Assert.Equal(Roles.Admin, after.Role);
    }

    [Fact]
    public async Task Locks_and_unlocks_others_but_not_oneself()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var users = host.Get<UserAdministration>();
        await users.CreateAsync(Admin, "mark@example.com", null, "Marketer-Password-1", Roles.Marketer);
        var mark = (await users.ListAsync(Admin, TestContext.Current.CancellationToken)).Single(u => u.Email == "mark@example.com");

        Assert.True((await users.SetLockedAsync(Admin, mark.Id, locked: true)).Succeeded);
        Assert.True((await users.ListAsync(Admin, TestContext.Current.CancellationToken)).Single(u => u.Id == mark.Id).IsLockedOut);
        Assert.True(await users.IsLockedByAdminAsync("mark@example.com"));
        Assert.True((await users.SetLockedAsync(Admin, mark.Id, locked: false)).Succeeded);
        Assert.False((await users.ListAsync(Admin, TestContext.Current.CancellationToken)).Single(u => u.Id == mark.Id).IsLockedOut);
        Assert.False(await users.IsLockedByAdminAsync("mark@example.com"));

        var self = new Actor(ActorKind.User, mark.Id, mark.Email);
        Assert.False((await users.SetLockedAsync(self, mark.Id, locked: true)).Succeeded);
    }
}
