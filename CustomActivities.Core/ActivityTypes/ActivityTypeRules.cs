using System.Text.RegularExpressions;
using CustomActivities.Core.Results;

namespace CustomActivities.Core.ActivityTypes;

/// <summary>The rules a definition must satisfy on its own (names, lengths, field count), before the database is asked.</summary>
public static partial class ActivityTypeRules
{
    public const int MaxNameLength = 255;
    public const int MaxDescriptionLength = 2000;

    [GeneratedRegex(@"^[\p{L}\p{Nd} _]+$")]
    private static partial Regex DisplayNameCharacters();

    [GeneratedRegex("^[A-Za-z0-9]+$")]
    private static partial Regex ApiNameCharacters();

    public static bool IsValidDisplayName(string? name) =>
        !string.IsNullOrWhiteSpace(name) && DisplayNameCharacters().IsMatch(name) && name.Any(char.IsLetter);

    public static bool IsValidApiName(string? name) => !string.IsNullOrEmpty(name) && ApiNameCharacters().IsMatch(name);

    public static IReadOnlyList<Problem> Validate(ActivityTypeDefinition definition, int maxSecondaryFields)
    {
        var errors = new List<Problem>();
        if (string.IsNullOrWhiteSpace(definition.DisplayName))
        {
            errors.Add(new("displayName", ActivityTypeErrorCodes.Required, "Enter a display name."));
        }
        else if (!IsValidDisplayName(definition.DisplayName))
        {
            errors.Add(new("displayName", ActivityTypeErrorCodes.InvalidDisplayName, "Use letters, digits, spaces and underscores, with at least one letter."));
        }
        else if (definition.DisplayName.Length > MaxNameLength)
        {
            errors.Add(CommonProblems.TooLongFor("displayName", MaxNameLength));
        }
        ApiName(errors, "apiName", definition.ApiName);
        Description(errors, "description", definition.Description);
        RequiredName(errors, "triggerName", definition.TriggerName, "Enter a trigger name, e.g. \"Attends Webinar\".");
        RequiredName(errors, "filterName", definition.FilterName, "Enter a filter name, e.g. \"Attended Webinar\".");

        Field(errors, "primaryField", definition.PrimaryField);
        for (var i = 0; i < definition.Fields.Count; i++)
        {
            Field(errors, $"fields[{i}]", definition.Fields[i]);
        }
        if (definition.Fields.Count > maxSecondaryFields)
        {
            errors.Add(new("fields", ActivityTypeErrorCodes.TooManyFields, $"A type has at most {maxSecondaryFields} additional fields.")
            {
                Arguments = [maxSecondaryFields],
            });
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var all = definition.AllFields.ToList();
        for (var i = 0; i < all.Count; i++)
        {
            if (!string.IsNullOrEmpty(all[i].ApiName) && !seen.Add(all[i].ApiName))
            {
                errors.Add(new(FieldPath(i - 1) + ".apiName", ActivityTypeErrorCodes.DuplicateFieldApiName,
                    $"Another field of this type already has the API name \"{all[i].ApiName}\".") { Arguments = [all[i].ApiName] });
            }
        }
        return errors;
    }

    /// <summary>The rules one field must satisfy on its own, reported under <paramref name="path"/> (e.g. the request's "attributes[2]").</summary>
    public static IReadOnlyList<Problem> ValidateField(string path, FieldDefinition field)
    {
        var errors = new List<Problem>();
        Field(errors, path, field);
        return errors;
    }

    /// <summary>"primaryField" for index -1, else "fields[i]".</summary>
    public static string FieldPath(int secondaryIndex) => secondaryIndex < 0 ? "primaryField" : $"fields[{secondaryIndex}]";

    private static void Field(List<Problem> errors, string path, FieldDefinition? field)
    {
        if (field is null)
        {
            errors.Add(new(path, ActivityTypeErrorCodes.Required, "Define this field."));
            return;
        }
        RequiredName(errors, path + ".displayName", field.DisplayName, "Enter the field's display name.");
        ApiName(errors, path + ".apiName", field.ApiName);
        Description(errors, path + ".description", field.Description);
        if (!Enum.IsDefined(field.DataType))
        {
            errors.Add(new(path + ".dataType", ActivityTypeErrorCodes.InvalidDataType, "Choose a data type."));
        }
    }

    private static void ApiName(List<Problem> errors, string path, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(path, ActivityTypeErrorCodes.Required, "Enter an API name."));
        }
        else if (!IsValidApiName(value))
        {
            errors.Add(new(path, ActivityTypeErrorCodes.InvalidApiName, "Use letters and digits only (no spaces)."));
        }
        else if (value.Length > MaxNameLength)
        {
            errors.Add(CommonProblems.TooLongFor(path, MaxNameLength));
        }
    }

    private static void RequiredName(List<Problem> errors, string path, string? value, string requiredMessage)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(path, ActivityTypeErrorCodes.Required, requiredMessage));
        }
        else if (value.Length > MaxNameLength)
        {
            errors.Add(CommonProblems.TooLongFor(path, MaxNameLength));
        }
    }

    private static void Description(List<Problem> errors, string path, string? value)
    {
        if (value is { Length: > MaxDescriptionLength })
        {
            errors.Add(CommonProblems.TooLongFor(path, MaxDescriptionLength));
        }
    }
}
