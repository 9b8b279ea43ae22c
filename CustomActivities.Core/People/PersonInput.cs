using System.Net.Mail;
using CustomActivities.Core.Results;

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

    /// <summary>What is wrong with the input, at most one problem per field (the UI words them); empty when it is valid.</summary>
    public IReadOnlyList<Problem> Validate()
    {
        var problems = new List<Problem>();
        var email = Email?.Trim() ?? "";
        if (email.Length == 0)
        {
            problems.Add(new(nameof(Email), PersonErrors.EmailRequired, "Enter an email address."));
        }
        else if (email.Length > MaxLength || !IsEmail(email))
        {
            problems.Add(new(nameof(Email), PersonErrors.EmailInvalid, "Enter a valid email address, like name@example.com."));
        }
        foreach (var (name, value) in new[] { (nameof(FirstName), FirstName), (nameof(LastName), LastName), (nameof(Company), Company) })
        {
            if (value is { Length: > MaxLength })
            {
                problems.Add(CommonProblems.TooLongFor(name, MaxLength));
            }
        }
        return problems;
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

/// <summary>Why a person cannot be saved (<see cref="Problem.Code"/>); the UI words each in the reader's language.</summary>
[ProblemCodes]
public static class PersonErrors
{
    public const string EmailRequired = "emailRequired";
    public const string EmailInvalid = "emailInvalid";
    [ProblemKind(ProblemKind.Conflict)]
    public const string EmailTaken = "emailTaken";
    public const string TooLong = CommonProblems.TooLong;
    [ProblemKind(ProblemKind.NotFound)]
    public const string NotFound = "personNotFound";

    internal static Problem Taken(string email) => new(nameof(PersonInput.Email), EmailTaken, $"Another person already has the email address {email}.");

    internal static Problem Missing(int id) => new(nameof(PersonInput.Email), NotFound, $"There is no person {id}.");
}
