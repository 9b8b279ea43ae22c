using System.ComponentModel.DataAnnotations;

namespace CustomActivities.Core.Users;

/// <summary>
/// The first admin, created when the database has no user ("Admin" section; Admin__Email / Admin__Password in the
/// environment). Without an email the account is admin@customactivities.local; without a password one is generated.
/// </summary>
public sealed class AdminOptions : IValidatableObject
{
    public const string Section = "Admin";

    /// <summary>Shortest password the sign-in rules accept (Identity's RequiredLength in the web app).</summary>
    public const int MinPasswordLength = 10;

    public string? Email { get; set; }

    public string? Password { get; set; }

    // Empty values are the documented default (appsettings.json ships them), so only a value that is set is checked.
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrEmpty(Email) && !new EmailAddressAttribute().IsValid(Email))
        {
            yield return new ValidationResult($"Admin:Email must be an email address, e.g. admin@example.com (it is \"{Email}\").", [nameof(Email)]);
        }
        if (!string.IsNullOrEmpty(Password) && Password.Length < MinPasswordLength)
        {
            yield return new ValidationResult(
                $"Admin:Password must have at least {MinPasswordLength} characters (or leave it empty to get a generated one).", [nameof(Password)]);
        }
    }
}
