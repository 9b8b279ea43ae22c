using CustomActivities.Core.Users;
using Microsoft.AspNetCore.Identity;

namespace CustomActivities.Web.Components.Account;

public enum SignInOutcome
{
    SignedIn,
    Invalid,
    LockedOut,

    /// <summary>Locked by an admin: told only to someone who gave the account's right password.</summary>
    LockedByAdmin,
}

/// <summary>
/// Password sign-in that tells nothing about which accounts exist. An unknown email pays one password hash, as a real
/// account does (the check against a decoy hash made with the same settings), and counts its failures the same way
/// (<see cref="UnknownEmailFailures"/>): after the fifth it gets the same lockout page a real account gets. A locked
/// account is checked with the same one hash, and the reason of its lock is shown only with the right password.
/// </summary>
public sealed class AccountSignIn(
    SignInManager<ApplicationUser> signInManager,
    IPasswordHasher<ApplicationUser> hasher,
    UnknownEmailFailures unknownEmails,
    UserAdministration users,
    IHttpContextAccessor httpContextAccessor)
{
    public async Task<SignInOutcome> SignInAsync(string email, string password, bool rememberMe)
    {
        var userManager = signInManager.UserManager;
        var user = await userManager.FindByNameAsync(email);
        if (user?.PasswordHash is null)
        {
            _ = hasher.VerifyHashedPassword(UnknownEmailFailures.Decoy, unknownEmails.DecoyHash(hasher), password);
            return unknownEmails.RecordFailure(email) ? SignInOutcome.LockedOut : SignInOutcome.Invalid;
        }
        if (await userManager.IsLockedOutAsync(user))
        {
            // The framework answers a locked account before hashing anything: that quick answer told it apart.
            var knowsPassword = hasher.VerifyHashedPassword(user, user.PasswordHash, password) != PasswordVerificationResult.Failed;
            return knowsPassword && await users.IsLockedByAdminAsync(email) ? SignInOutcome.LockedByAdmin : SignInOutcome.LockedOut;
        }
        var result = await signInManager.PasswordSignInAsync(user, password, rememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            RememberLanguage(user);
        }
        return result.Succeeded ? SignInOutcome.SignedIn : result.IsLockedOut ? SignInOutcome.LockedOut : SignInOutcome.Invalid;
    }

    /// <summary>The language saved on the account becomes this browser's, so a second browser gets it at sign-in.</summary>
    private void RememberLanguage(ApplicationUser user)
    {
        if (SupportedCultures.Find(user.PreferredCulture) is { } culture && httpContextAccessor.HttpContext is { Response.HasStarted: false } http)
        {
            RequestCultures.WriteCookie(http.Response, culture);
        }
    }
}
