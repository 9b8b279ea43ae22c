using Microsoft.AspNetCore.Identity;

namespace CustomActivities.Core.Users;

public class ApplicationUser : IdentityUser
{
    public const int MaxDisplayNameLength = 100;

    /// <summary>Longest culture name stored as a preferred language ("pt-BR" needs 5).</summary>
    public const int MaxPreferredCultureLength = 16;

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>How colleagues call this person ("Mark Doe"); optional, the email stands in when absent.</summary>
    public string? DisplayName { get; set; }

    /// <summary>Set when an admin deactivated the account (someone who left): it keeps its history but cannot sign in.</summary>
    public DateTimeOffset? DeactivatedAt { get; set; }

    /// <summary>The UI language this person chose in the language picker ("de", "pt-BR"); null until they choose one.</summary>
    public string? PreferredCulture { get; set; }
}
