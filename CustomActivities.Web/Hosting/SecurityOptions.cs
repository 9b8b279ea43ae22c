using System.ComponentModel.DataAnnotations;

namespace CustomActivities.Web;

/// <summary>"Security" section of the settings.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>
    /// How often a sign-in cookie is checked against its account (security stamp), so that a lock or a role change
    /// ends the session within this time; 0 checks every request.
    /// </summary>
    [Range(0, 86_400, ErrorMessage = "Security:SessionCheckSeconds must be between {1} and {2} seconds (0 checks every request).")]
    public int SessionCheckSeconds { get; set; } = 10;
}
