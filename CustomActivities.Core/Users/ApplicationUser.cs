using Microsoft.AspNetCore.Identity;

namespace CustomActivities.Core.Users;

public class ApplicationUser : IdentityUser
{
    public const int MaxDisplayNameLength = 100;

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>How colleagues call this person ("Mark Doe"); optional, the email stands in when absent.</summary>
    public string? DisplayName { get; set; }

    /// <summary>Set when an admin deactivated the account (someone who left): it keeps its history but cannot sign in.</summary>
    public DateTimeOffset? DeactivatedAt { get; set; }
}
