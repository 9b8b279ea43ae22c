namespace CustomActivities.Core.Users;

/// <summary>What an admin may do to an account on the Users page.</summary>
public enum UserAction
{
    ChangeRole,
    Lock,
    ResetPassword,
    Deactivate,
    Delete,
}

public enum UserStatus
{
    Active,
    Locked,
    Deactivated,
}

/// <summary>The facts about an account that decide what may be done to it.</summary>
public sealed record UserFacts(string Id, string Role, UserStatus Status)
{
    public bool IsActiveAdmin => Role == Roles.Admin && Status == UserStatus.Active;
}

/// <summary>
/// Who may do what to an account. The app must always keep one admin who can sign in, and nobody takes their own
/// powers away (a demoted, locked or deleted self could not undo it). The Users page asks these rules to grey out a
/// control and say why; <see cref="UserAdministration"/> applies them again when the change is made.
/// </summary>
public static class UserRules
{
    /// <summary>The actions that can leave the app without an admin who can sign in.</summary>
    private static readonly HashSet<UserAction> RemovesAdminPower = [UserAction.ChangeRole, UserAction.Lock, UserAction.Deactivate, UserAction.Delete];

    /// <summary>Why <paramref name="actorId"/> may not do <paramref name="action"/> to the target (a <see cref="UserErrors"/> code), or null when allowed.</summary>
    public static string? Refusal(UserAction action, string actorId, UserFacts target, int activeAdmins)
    {
        // Checked before the own-account rules: "you are the last admin" tells the admin what to do about it.
        if (RemovesAdminPower.Contains(action) && target.IsActiveAdmin && activeAdmins <= 1)
        {
            return UserErrors.LastAdmin;
        }
        if (target.Id == actorId)
        {
            return action switch
            {
                UserAction.ChangeRole => UserErrors.OwnRole,
                UserAction.Lock => UserErrors.OwnLock,
                UserAction.ResetPassword => UserErrors.OwnPassword,
                UserAction.Deactivate => UserErrors.OwnDeactivate,
                _ => UserErrors.OwnDelete,
            };
        }
        if (action == UserAction.Lock && target.Status == UserStatus.Deactivated)
        {
            return UserErrors.Deactivated;
        }
        return null;
    }

    /// <summary>Every refused action on the target with its reason; an action not listed is allowed.</summary>
    public static IReadOnlyDictionary<UserAction, string> Refusals(string actorId, UserFacts target, int activeAdmins) =>
        Enum.GetValues<UserAction>()
            .Select(action => (action, reason: Refusal(action, actorId, target, activeAdmins)))
            .Where(r => r.reason is not null)
            .ToDictionary(r => r.action, r => r.reason!);
}
