using CustomActivities.Core.Auditing;
using CustomActivities.Core.Persistence;
using CustomActivities.Core.Results;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CustomActivities.Core.Users;

/// <summary>An account as the Users page lists it, with what the viewing admin may not do to it and why.</summary>
public sealed record UserSummary(
    string Id,
    string Email,
    string? DisplayName,
    string Role,
    UserStatus Status,
    DateTimeOffset? LockoutEnd,
    int FailedAttempts,
    DateTimeOffset CreatedAt,
    IReadOnlyDictionary<UserAction, string> Refusals)
{
    public bool IsLockedOut => Status == UserStatus.Locked;

    /// <summary>The <see cref="UserErrors"/> code saying why the action is refused, or null when it is allowed.</summary>
    public string? RefusalOf(UserAction action) => Refusals.GetValueOrDefault(action);
}

/// <summary>
/// The refusals of <see cref="UserAdministration"/> itself (<see cref="Problem.Code"/>), worded by the UI in the reader's
/// language. Identity's own errors (weak password, email taken) come already worded by its describer, under
/// <see cref="IdentityRefusal"/>. Users are not in the REST API, so a problem's English message is its code.
/// </summary>
[ProblemCodes]
public static class UserErrors
{
    public const string UnknownRole = "unknownRole";
    [ProblemKind(ProblemKind.Forbidden)]
    public const string OwnRole = "ownRole";
    [ProblemKind(ProblemKind.Forbidden)]
    public const string OwnLock = "ownLock";
    [ProblemKind(ProblemKind.Forbidden)]
    public const string OwnPassword = "ownPassword";
    [ProblemKind(ProblemKind.Forbidden)]
    public const string OwnDeactivate = "ownDeactivate";
    [ProblemKind(ProblemKind.Forbidden)]
    public const string OwnDelete = "ownDelete";
    [ProblemKind(ProblemKind.Conflict)]
    public const string LastAdmin = "lastAdmin";
    [ProblemKind(ProblemKind.Conflict)]
    public const string Deactivated = "deactivated";
    [ProblemKind(ProblemKind.NotFound)]
    public const string NotFound = "userNotFound";
    /// <summary>A preferred language the app does not offer.</summary>
    public const string UnsupportedLanguage = "unsupportedLanguage";

    /// <summary>An error of ASP.NET Core Identity, with its own (localized) description as the only argument.</summary>
    public const string IdentityRefusal = "identityRefusal";

    internal static Result Refused(string code) => Result.Failure(new Problem("", code, code));

    internal static Result<T> Refused<T>(string code) => Result.Failure<T>(new Problem("", code, code));

    internal static IReadOnlyList<Problem> FromIdentity(IEnumerable<IdentityError> errors) =>
        [.. errors.Select(e => new Problem("", IdentityRefusal, e.Description) { Arguments = [e.Description] })];
}

/// <summary>
/// What an admin does on the Users page. Every change is audited and follows <see cref="UserRules"/>: an admin cannot
/// act against their own account, and the last admin who can sign in stays one.
/// </summary>
public sealed class UserAdministration(
    UserManager<ApplicationUser> userManager,
    IDbContextFactory<AppDbContext> contextFactory,
    AuditLog auditLog,
    TimeProvider timeProvider)
{
    /// <summary>An admin's lock lasts until an admin lifts it; failed sign-ins lock an account for minutes only.</summary>
    private static readonly DateTimeOffset LockedByAdminUntil = DateTimeOffset.MaxValue;

    public async Task<IReadOnlyList<UserSummary>> ListAsync(Actor viewer, CancellationToken cancellationToken = default)
    {
        var accounts = await AccountsAsync(cancellationToken);
        var activeAdmins = accounts.Count(a => a.Facts.IsActiveAdmin);
        return accounts.Select(a => new UserSummary(
                a.User.Id,
                a.User.Email ?? a.User.UserName ?? "",
                a.User.DisplayName,
                a.Facts.Role,
                a.Facts.Status,
                a.User.LockoutEnd,
                a.User.AccessFailedCount,
                a.User.CreatedAt,
                UserRules.Refusals(viewer.Id, a.Facts, activeAdmins)))
            .ToList();
    }

    public async Task<Result> CreateAsync(Actor actor, string email, string? displayName, string password, string role)
    {
        if (!Roles.All.Contains(role))
        {
            return UserErrors.Refused(UserErrors.UnknownRole);
        }
        displayName = string.IsNullOrWhiteSpace(displayName) ? null : displayName.Trim();
        if (displayName?.Length > ApplicationUser.MaxDisplayNameLength)
        {
            return Result.Failure(CommonProblems.TooLongFor("displayName", ApplicationUser.MaxDisplayNameLength));
        }
        var user = new ApplicationUser
        {
            UserName = email, Email = email, DisplayName = displayName, EmailConfirmed = true, CreatedAt = timeProvider.GetUtcNow(),
        };
        var created = await userManager.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            // The email is also the user name: one "already taken" message is enough.
            var errors = created.Errors.Where(e => e.Code != nameof(IdentityErrorDescriber.DuplicateUserName)
                || created.Errors.All(other => other.Code != nameof(IdentityErrorDescriber.DuplicateEmail)));
            return Result.Failure(UserErrors.FromIdentity(errors));
        }
        await userManager.AddToRoleAsync(user, role);
        await AuditAsync(actor, AuditActions.UserCreated, user, null, new { email, displayName, role });
        return Result.Success;
    }

    public async Task<Result> ChangeRoleAsync(Actor actor, string userId, string role)
    {
        if (!Roles.All.Contains(role))
        {
            return UserErrors.Refused(UserErrors.UnknownRole);
        }
        var (user, refusal) = await FindAllowedAsync(actor, userId, UserAction.ChangeRole);
        if (user is null)
        {
            return UserErrors.Refused(refusal!);
        }
        var currentRoles = await userManager.GetRolesAsync(user);
        await userManager.RemoveFromRolesAsync(user, currentRoles);
        await userManager.AddToRoleAsync(user, role);
        // A new security stamp makes open sessions pick up the new role at their next revalidation.
        await userManager.UpdateSecurityStampAsync(user);
        await AuditAsync(actor, AuditActions.UserRoleChanged, user, new { roles = currentRoles }, new { roles = new[] { role } });
        return Result.Success;
    }

    /// <summary>Whether the account with this user name is locked by an admin (not by failed sign-ins), for the lockout page.</summary>
    public async Task<bool> IsLockedByAdminAsync(string userName)
    {
        var user = await userManager.FindByNameAsync(userName);
        // Compared with a margin: "until an admin lifts it" is stored as the largest date.
        return user?.LockoutEnd is { } end && end > timeProvider.GetUtcNow().AddYears(100);
    }

    public async Task<Result> SetLockedAsync(Actor actor, string userId, bool locked)
    {
        var (user, refusal) = await FindAllowedAsync(actor, userId, locked ? UserAction.Lock : null);
        if (user is null)
        {
            return UserErrors.Refused(refusal!);
        }
        if (!locked && user.DeactivatedAt is not null)
        {
            return UserErrors.Refused(UserErrors.Deactivated);
        }
        await SetSignInBlockedAsync(user, locked);
        await AuditAsync(actor, locked ? AuditActions.UserLocked : AuditActions.UserUnlocked, user, null, null);
        return Result.Success;
    }

    /// <summary>Replaces the password with a generated one (shown once to the admin) and ends the user's sessions.</summary>
    public async Task<Result<string>> ResetPasswordAsync(Actor actor, string userId)
    {
        var (user, refusal) = await FindAllowedAsync(actor, userId, UserAction.ResetPassword);
        if (user is null)
        {
            return UserErrors.Refused<string>(refusal!);
        }
        var password = DatabaseInitializer.GeneratePassword();
        // Removing the password renews the security stamp, which ends every session of the user.
        await userManager.RemovePasswordAsync(user);
        var added = await userManager.AddPasswordAsync(user, password);
        if (!added.Succeeded)
        {
            return Result.Failure<string>(UserErrors.FromIdentity(added.Errors));
        }
        await userManager.ResetAccessFailedCountAsync(user);
        await AuditAsync(actor, AuditActions.UserPasswordReset, user, null, null);
        return Result.Succeed(password);
    }

    /// <summary>A deactivated account keeps its history but cannot sign in until it is reactivated.</summary>
    public async Task<Result> SetDeactivatedAsync(Actor actor, string userId, bool deactivated)
    {
        var (user, refusal) = await FindAllowedAsync(actor, userId, deactivated ? UserAction.Deactivate : null);
        if (user is null)
        {
            return UserErrors.Refused(refusal!);
        }
        user.DeactivatedAt = deactivated ? timeProvider.GetUtcNow() : null;
        await userManager.UpdateAsync(user);
        await SetSignInBlockedAsync(user, deactivated);
        await AuditAsync(actor, deactivated ? AuditActions.UserDeactivated : AuditActions.UserReactivated, user, null, null);
        return Result.Success;
    }

    /// <summary>Deletes the account; the audit log keeps what it did under its email.</summary>
    public async Task<Result> DeleteAsync(Actor actor, string userId)
    {
        var (user, refusal) = await FindAllowedAsync(actor, userId, UserAction.Delete);
        if (user is null)
        {
            return UserErrors.Refused(refusal!);
        }
        var roles = await userManager.GetRolesAsync(user);
        var deleted = await userManager.DeleteAsync(user);
        if (!deleted.Succeeded)
        {
            return Result.Failure(UserErrors.FromIdentity(deleted.Errors));
        }
        await AuditAsync(actor, AuditActions.UserDeleted, user, new { email = user.Email, user.DisplayName, roles }, null);
        return Result.Success;
    }

    private async Task SetSignInBlockedAsync(ApplicationUser user, bool blocked)
    {
        await userManager.SetLockoutEnabledAsync(user, true);
        await userManager.SetLockoutEndDateAsync(user, blocked ? LockedByAdminUntil : null);
        if (!blocked)
        {
            await userManager.ResetAccessFailedCountAsync(user);
        }
        await userManager.UpdateSecurityStampAsync(user);
    }

    /// <summary>The user, or why the actor may not do the action to them (null action: only the user must exist).</summary>
    private async Task<(ApplicationUser? User, string? Refusal)> FindAllowedAsync(Actor actor, string userId, UserAction? action)
    {
        var accounts = await AccountsAsync();
        var target = accounts.FirstOrDefault(a => a.User.Id == userId);
        if (target is null)
        {
            return (null, UserErrors.NotFound);
        }
        if (action is { } act && UserRules.Refusal(act, actor.Id, target.Facts, accounts.Count(a => a.Facts.IsActiveAdmin)) is { } refusal)
        {
            return (null, refusal);
        }
        // Tracked by the user manager's own context, so its updates apply to this instance.
        return (await userManager.FindByIdAsync(userId), null);
    }

    private sealed record Account(ApplicationUser User, UserFacts Facts);

    private async Task<IReadOnlyList<Account>> AccountsAsync(CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rolesByUser = await (from userRole in context.UserRoles
                                 join role in context.Roles on userRole.RoleId equals role.Id
                                 select new { userRole.UserId, role.Name })
            .ToListAsync(cancellationToken);
        var users = await context.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(cancellationToken);
        var now = timeProvider.GetUtcNow();
        return users.Select(u => new Account(u, new UserFacts(
                u.Id,
                rolesByUser.FirstOrDefault(r => r.UserId == u.Id)?.Name ?? "",
                u.DeactivatedAt is not null ? UserStatus.Deactivated
                    : u.LockoutEnd is { } end && end > now ? UserStatus.Locked
                    : UserStatus.Active)))
            .ToList();
    }

    private async Task AuditAsync(Actor actor, string action, ApplicationUser user, object? before, object? after)
    {
        await using var context = await contextFactory.CreateDbContextAsync();
        auditLog.Record(context, actor, action, AuditEntityTypes.User, user.Id, user.Email, before, after);
        await context.SaveChangesAsync();
    }
}
