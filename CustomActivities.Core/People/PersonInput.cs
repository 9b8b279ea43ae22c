using System.Net.Mail;

namespace CustomActivities.Core.People;

/// <summary>What a user types to create or edit a person.</summary>
public sealed class PersonInput
{
    public const int MaxLength = 255;

    public string Email { get; set; } = "";
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? Company { get; set; }

    public static PersonInput From(Person person) => new()
    {
        Email = person.Email,
        FirstName = person.FirstName,
        LastName = person.LastName,
        Company = person.Company,
    };

    /// <summary>Error codes by field name (the UI localizes them); empty when the input is valid.</summary>
    public Dictionary<string, string> Validate()
    {
        var errors = new Dictionary<string, string>();
        var email = Email?.Trim() ?? "";
        if (email.Length == 0)
        {
            errors[nameof(Email)] = PersonErrors.EmailRequired;
        }
        else if (email.Length > MaxLength || !IsEmail(email))
        {
            errors[nameof(Email)] = PersonErrors.EmailInvalid;
        }
        foreach (var (name, value) in new[] { (nameof(FirstName), FirstName), (nameof(LastName), LastName), (nameof(Company), Company) })
        {
            if (value is { Length: > MaxLength })
            {
                errors[name] = PersonErrors.TooLong;
            }
        }
        return errors;
    }

    private static bool IsEmail(string value)
    {
        if (value.Any(char.IsWhiteSpace) || value.Count(c => c == '@') != 1)
        {
            return false;
        }
        var at = value.IndexOf('@');
        var domain = value[(at + 1)..];
        return at > 0 && domain.Contains('.') && !domain.StartsWith('.') && !domain.EndsWith('.')
            && MailAddress.TryCreate(value, out var parsed) && parsed.Address == value;
    }

    internal static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>Error codes of person validation; the UI shows a localized message for each.</summary>
public static class PersonErrors
{
    public const string EmailRequired = "Person.EmailRequired";
    public const string EmailInvalid = "Person.EmailInvalid";
    public const string EmailTaken = "Person.EmailTaken";
    public const string TooLong = "Person.TooLong";
    public const string NotFound = "Person.NotFound";
}

public sealed record PersonSaveResult(int? PersonId, IReadOnlyDictionary<string, string> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static PersonSaveResult Failed(string field, string code) => new(null, new Dictionary<string, string> { [field] = code });
}
