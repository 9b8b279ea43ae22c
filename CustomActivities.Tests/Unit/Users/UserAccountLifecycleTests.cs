using CustomActivities.Core.Auditing;
using CustomActivities.Core.Persistence;
using CustomActivities.Core.Results;
using CustomActivities.Core.Users;
using CustomActivities.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using static CustomActivities.Tests.Support.Actors;

namespace CustomActivities.Tests.Unit.Users;

/// <summary>Display names, password resets, deactivation and deletion, and the last-admin rule on a real database.</summary>
public sealed class UserAccountLifecycleTests : IAsyncLifetime
{
    private CoreTestHost host = null!;
    private UserAdministration users = null!;

    public async ValueTask InitializeAsync()
    {
        host = await new CoreTestHostBuilder().BuildAsync();
        users = host.Get<UserAdministration>();
    }

    public ValueTask DisposeAsync() => host.DisposeAsync();

    private async Task<UserSummary> CreateAsync(string email, string role = Roles.Marketer, string? displayName = null)
    {
        Assert.True((await users.CreateAsync(Admin, email, displayName, "Long-enough-password-1", role)).Succeeded);
        return await FindAsync(email);
    }

    private async Task<UserSummary> FindAsync(string email) =>
        (await users.ListAsync(Admin, TestContext.Current.CancellationToken)).Single(u => u.Email == email);

    private Task<UserSummary> SeededAdminAsync() => FindAsync(DatabaseInitializer.DefaultAdminEmail);

    [Fact]
    public async Task Keeps_a_trimmed_display_name_and_refuses_one_too_long()
    {
        var mark = await CreateAsync("mark@example.com", displayName: "  Mark Doe ");
        var tooLong = await users.CreateAsync(Admin, "long@example.com", new string('x', 101), "Long-enough-password-1", Roles.Marketer);

        Assert.Equal("Mark Doe", mark.DisplayName);
        Assert.Equal([CommonProblems.TooLong], tooLong.Problems.Select(p => p.Code));
    }

    [Fact]
    public async Task A_password_reset_gives_a_new_password_that_signs_in_and_ends_sessions()
    {
        var mark = await CreateAsync("mark@example.com");
        var manager = host.Get<UserManager<ApplicationUser>>();
        var stampBefore = (await manager.FindByIdAsync(mark.Id))!.SecurityStamp;

        var reset = await users.ResetPasswordAsync(Admin, mark.Id);

        Assert.True(reset.Succeeded);
        Assert.NotNull(reset.Value);
        var after = (await manager.FindByIdAsync(mark.Id))!;
        Assert.True(await manager.CheckPasswordAsync(after, reset.Value));
        Assert.False(await manager.CheckPasswordAsync(after, "Long-enough-password-1"));
        Assert.NotEqual(stampBefore, after.SecurityStamp);
        await using var context = host.NewContext();
        var audit = await context.AuditEntries.SingleAsync(e => e.Action == AuditActions.UserPasswordReset, TestContext.Current.CancellationToken);
        Assert.DoesNotContain(reset.Value, (audit.Before ?? "") + audit.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deactivated_account_cannot_sign_in_until_reactivated()
    {
        var mark = await CreateAsync("mark@example.com");

        Assert.True((await users.SetDeactivatedAsync(Admin, mark.Id, deactivated: true)).Succeeded);
        Assert.Equal(UserStatus.Deactivated, (await FindAsync("mark@example.com")).Status);
        Assert.True(await users.IsLockedByAdminAsync("mark@example.com"));
        Assert.Equal([UserErrors.Deactivated], (await users.SetLockedAsync(Admin, mark.Id, locked: false)).Problems.Select(p => p.Code));

        Assert.True((await users.SetDeactivatedAsync(Admin, mark.Id, deactivated: false)).Succeeded);
        Assert.Equal(UserStatus.Active, (await FindAsync("mark@example.com")).Status);
        Assert.False(await users.IsLockedByAdminAsync("mark@example.com"));
    }

    [Fact]
    public async Task Deleting_a_user_keeps_what_they_did_in_the_audit_log()
    {
        var mark = await CreateAsync("mark@example.com");

        Assert.True((await users.DeleteAsync(Admin, mark.Id)).Succeeded);

        Assert.DoesNotContain(await users.ListAsync(Admin, TestContext.Current.CancellationToken), u => u.Id == mark.Id);
        await using var context = host.NewContext();
        var deleted = await context.AuditEntries.SingleAsync(e => e.Action == AuditActions.UserDeleted, TestContext.Current.CancellationToken);
        Assert.Equal("mark@example.com", deleted.EntityName);
        Assert.Contains("Marketer", deleted.Before);
    }

    [Fact]
    public async Task The_last_active_admin_cannot_be_demoted_locked_deactivated_or_deleted()
    {
        var last = await SeededAdminAsync();

        Assert.Equal([UserErrors.LastAdmin], (await users.ChangeRoleAsync(Admin, last.Id, Roles.Marketer)).Problems.Select(p => p.Code));
        Assert.Equal([UserErrors.LastAdmin], (await users.SetLockedAsync(Admin, last.Id, locked: true)).Problems.Select(p => p.Code));
        Assert.Equal([UserErrors.LastAdmin], (await users.SetDeactivatedAsync(Admin, last.Id, deactivated: true)).Problems.Select(p => p.Code));
        Assert.Equal([UserErrors.LastAdmin], (await users.DeleteAsync(Admin, last.Id)).Problems.Select(p => p.Code));

        var after = await SeededAdminAsync();
        Assert.Equal(Roles.Admin, after.Role);
        Assert.Equal(UserStatus.Active, after.Status);
        Assert.Equal(UserErrors.LastAdmin, after.RefusalOf(UserAction.Delete));
    }

    [Fact]
    public async Task With_a_second_admin_either_may_go()
    {
        await CreateAsync("second@example.com", Roles.Admin);
        var first = await SeededAdminAsync();

        Assert.Null(first.RefusalOf(UserAction.Delete));
        Assert.True((await users.SetDeactivatedAsync(Admin, first.Id, deactivated: true)).Succeeded);

        var second = await FindAsync("second@example.com");
        Assert.Equal(UserErrors.LastAdmin, second.RefusalOf(UserAction.Deactivate));
        Assert.Equal([UserErrors.LastAdmin], (await users.DeleteAsync(Admin, second.Id)).Problems.Select(p => p.Code));
    }

    [Fact]
    public async Task The_list_says_why_an_admin_cannot_act_on_their_own_row()
    {
        await CreateAsync("second@example.com", Roles.Admin);
        var second = await FindAsync("second@example.com");
        var asSecond = new Actor(ActorKind.User, second.Id, second.Email, IsAdmin: true);

        var own = (await users.ListAsync(asSecond, TestContext.Current.CancellationToken)).Single(u => u.Id == second.Id);

        Assert.Equal(UserErrors.OwnRole, own.RefusalOf(UserAction.ChangeRole));
        Assert.Equal(UserErrors.OwnDelete, own.RefusalOf(UserAction.Delete));
        Assert.Equal([UserErrors.OwnPassword], (await users.ResetPasswordAsync(asSecond, second.Id)).Problems.Select(p => p.Code));
    }
}
