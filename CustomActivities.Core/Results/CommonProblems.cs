namespace CustomActivities.Core.Results;

/// <summary>The problems every feature can give about one input, worded the same everywhere.</summary>
[ProblemCodes]
public static class CommonProblems
{
    public const string Required = "required";
    public const string TooLong = "tooLong";

    /// <summary>The rule a name breaks (empty, or longer than <paramref name="maxLength"/> once trimmed), or null.</summary>
    public static Problem? ValidateName(string? name, int maxLength)
    {
        var trimmed = name?.Trim() ?? "";
        return trimmed.Length == 0 ? new Problem("name", Required, "Enter a name.")
            : trimmed.Length > maxLength ? TooLongFor("name", maxLength)
            : null;
    }

    /// <summary>A value longer than <paramref name="maxLength"/> characters.</summary>
    public static Problem TooLongFor(string field, int maxLength) =>
        new(field, TooLong, $"Use at most {maxLength} characters.") { Arguments = [maxLength] };
}
