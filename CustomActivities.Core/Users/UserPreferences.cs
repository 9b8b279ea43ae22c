using CustomActivities.Core.Results;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using CustomActivities.Core.Persistence;

namespace CustomActivities.Core.Users;

/// <summary>The UI languages a user may choose ("en", "pt-BR"), given by the web app, which owns the list.</summary>
public sealed record SupportedLanguages(IReadOnlyList<string> Names)
{
    /// <summary>The list's own spelling of a name, compared without case ("PT-br" → "pt-BR"), or null when absent.</summary>
    public string? Find(string? name) => Names.FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// What a signed-in user sets for themselves. The language is a personal setting like a theme, not an account change an
/// admin would need to trace, so it is not audited (the Users page's changes are, in <see cref="UserAdministration"/>).
/// </summary>
public sealed class UserPreferences(
    UserManager<ApplicationUser> userManager,
    IDbContextFactory<AppDbContext> contextFactory,
    SupportedLanguages languages)
{
    /// <summary>The language the user chose, or null when they never chose one (or their account is gone).</summary>
    public async Task<string?> PreferredCultureAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var stored = await context.Users.Where(u => u.Id == userId).Select(u => u.PreferredCulture).FirstOrDefaultAsync(cancellationToken);
        // A language that was dropped from the app since it was saved is as good as none.
        return languages.Find(stored);
    }

    /// <summary>Remembers the language on the account, so that it follows the user to another browser.</summary>
    public async Task<Result> SetPreferredCultureAsync(string userId, string culture)
    {
        if (languages.Find(culture) is not { } supported)
        {
            return UserErrors.Refused(UserErrors.UnsupportedLanguage);
        }
        var user = await userManager.FindByIdAsync(userId);
        if (user is null)
        {
            return UserErrors.Refused(UserErrors.NotFound);
        }
        if (user.PreferredCulture != supported)
        {
            user.PreferredCulture = supported;
            var updated = await userManager.UpdateAsync(user);
            if (!updated.Succeeded)
            {
                return Result.Failure(UserErrors.FromIdentity(updated.Errors));
            }
        }
        return Result.Success;
    }
}
