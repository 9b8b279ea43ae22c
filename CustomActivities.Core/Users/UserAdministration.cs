using CustomActivities.Core.Auditing;
using CustomActivities.Core.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CustomActivities.Core.Users;

public sealed record UserSummary(string Id, string Email, string Role, bool IsLockedOut, DateTimeOffset? LockoutEnd, int FailedAttempts, DateTimeOffset CreatedAt);

/// <summary>
/// The refusals of <see cref="UserAdministration"/> itself, as codes the UI words in the reader's language
/// (resources "UserError.*"). Identity's own errors (weak password, email taken) come already worded.
/// </summary>
public static class UserErrors
{
    public const string UnknownRole = "unknown-role";
    public const string OwnRole = "own-role";
    public const string OwnLock = "own-lock";
    public const string NotFound = "not-found";
}

public sealed record UserOperationResult(bool Succeeded, IReadOnlyList<string> Errors)
{
    public static readonly UserOperationResult Success = new(true, []);
    public static UserOperationResult Failure(params string[] errors) => new(false, errors);
}

/// <summary>What an admin does on the Users page. Every change is audited; an admin cannot lock or demote themselves.</summary>
public sealed class UserAdministration(
    UserManager<ApplicationUser> userManager,
    IDbContextFactory<AppDbContext> contextFactory,
    AuditLog auditLog,
    TimeProvider timeProvider)
{
    public async Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rolesByUser = await (from userRole in context.UserRoles
                                 join role in context.Roles on userRole.RoleId equals role.Id
                                 select new { userRole.UserId, role.Name })
            .ToListAsync(cancellationToken);
        var users = await context.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(cancellationToken);
        var now = timeProvider.GetUtcNow();
        return users.Select(u => new UserSummary(
                u.Id,
                u.Email ?? u.UserName ?? "",
                rolesByUser.FirstOrDefault(r => r.UserId == u.Id)?.Name ?? "",
                u.LockoutEnd is { } end && end > now,
                u.LockoutEnd,
                u.AccessFailedCount,
                u.CreatedAt))
            .ToList();
    }

    public async Task<UserOperationResult> CreateAsync(Actor actor, string email, string password, string role)
    {
        if (!Roles.All.Contains(role))
        {
            return UserOperationResult.Failure(UserErrors.UnknownRole);
        }
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = timeProvider.GetUtcNow() };
        var created = await userManager.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            // The email is also the user name: one "already taken" message is enough.
            var errors = created.Errors.Where(e => e.Code != nameof(IdentityErrorDescriber.DuplicateUserName)
                || created.Errors.All(other => other.Code != nameof(IdentityErrorDescriber.DuplicateEmail)));
            return UserOperationResult.Failure([.. errors.Select(e => e.Description)]);
        }
        await userManager.AddToRoleAsync(user, role);
        await AuditAsync(actor, AuditActions.UserCreated, user, null, new { email, role });
        return UserOperationResult.Success;
    }

    public async Task<UserOperationResult> ChangeRoleAsync(Actor actor, string userId, string role)
    {
        if (!Roles.All.Contains(role))
        {
            return UserOperationResult.Failure(UserErrors.UnknownRole);
        }
        if (userId == actor.Id)
        {
            return UserOperationResult.Failure(UserErrors.OwnRole);
        }
        var user = await userManager.FindByIdAsync(userId);
        if (user is null)
        {
            return UserOperationResult.Failure(UserErrors.NotFound);
        }
        var currentRoles = await userManager.GetRolesAsync(user);
        await userManager.RemoveFromRolesAsync(user, currentRoles);
        await userManager.AddToRoleAsync(user, role);
        // A new security stamp makes open sessions pick up the new role at their next revalidation.
        await userManager.UpdateSecurityStampAsync(user);
        await AuditAsync(actor, AuditActions.UserRoleChanged, user, new { roles = currentRoles }, new { roles = new[] { role } });
        return UserOperationResult.Success;
    }

    /// <summary>An admin's lock lasts until an admin lifts it; failed sign-ins lock an account for minutes only.</summary>
    private static readonly DateTimeOffset LockedByAdminUntil = DateTimeOffset.MaxValue;

    /// <summary>Whether the account with this user name is locked by an admin (not by failed sign-ins), for the lockout page.</summary>
    public async Task<bool> IsLockedByAdminAsync(string userName)
    {
        var user = await userManager.FindByNameAsync(userName);
        // Compared with a margin: the stored value comes back from SQLite as text.
        return user?.LockoutEnd is { } end && end > timeProvider.GetUtcNow().AddYears(100);
    }

    public async Task<UserOperationResult> SetLockedAsync(Actor actor, string userId, bool locked)
    {
        if (userId == actor.Id)
        {
            return UserOperationResult.Failure(UserErrors.OwnLock);
        }
        var user = await userManager.FindByIdAsync(userId);
        if (user is null)
        {
            return UserOperationResult.Failure(UserErrors.NotFound);
        }
        await userManager.SetLockoutEnabledAsync(user, true);
        await userManager.SetLockoutEndDateAsync(user, locked ? LockedByAdminUntil : null);
        if (!locked)
        {
            await userManager.ResetAccessFailedCountAsync(user);
        }
        await userManager.UpdateSecurityStampAsync(user);
        await AuditAsync(actor, locked ? AuditActions.UserLocked : AuditActions.UserUnlocked, user, null, null);
        return UserOperationResult.Success;
    }

    private async Task AuditAsync(Actor actor, string action, ApplicationUser user, object? before, object? after)
    {
        await using var context = await contextFactory.CreateDbContextAsync();
        auditLog.Record(context, actor, action, "User", user.Id, user.Email, before, after);
        await context.SaveChangesAsync();
    }
}
