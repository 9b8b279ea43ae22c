namespace CustomActivities.Core.Results;

/// <summary>The problems every feature can give about one input, worded the same everywhere.</summary>
[ProblemCodes]
public static class CommonProblems
{
    public const string Required = "required";
    public const string TooLong = "tooLong";

    /// <summary>A value longer than <paramref name="maxLength"/> characters.</summary>
    public static Problem TooLongFor(string field, int maxLength) =>
        new(field, TooLong, $"Use at most {maxLength} characters.") { Arguments = [maxLength] };
}
