namespace CustomActivities.Core.Results;

/// <summary>
/// Why Core refused something. <see cref="Code"/> is stable: the UI words it in the reader's language (resource
/// "Problem.{code}", with <see cref="Arguments"/> such as a maximum length) and the REST API maps it to Marketo's codes.
/// <see cref="Field"/> names the input it is about ("apiName", "fields[2].apiName", "Email"), "" for the whole.
/// <see cref="Message"/> is the English sentence naming the exact values involved, for the API and the logs.
/// </summary>
public sealed record Problem(string Field, string Code, string Message)
{
    public IReadOnlyList<object> Arguments { get; init; } = [];

    /// <summary>What sort of refusal this is, as its code declares it (<see cref="ProblemKindAttribute"/>).</summary>
    public ProblemKind Kind => ProblemCatalog.KindOf(Code);

    public bool Equals(Problem? other) =>
        other is not null && Field == other.Field && Code == other.Code && Message == other.Message && Arguments.SequenceEqual(other.Arguments);

    public override int GetHashCode() => HashCode.Combine(Field, Code, Message);

    public override string ToString() => Field.Length == 0 ? $"{Code}: {Message}" : $"{Field} {Code}: {Message}";
}

/// <summary>The sort of a refusal, which decides how the REST API answers it.</summary>
public enum ProblemKind
{
    /// <summary>The input breaks a rule of its own (missing, too long, malformed).</summary>
    Invalid,

    /// <summary>What the input names does not exist.</summary>
    NotFound,

    /// <summary>The actor's role or relation to the thing does not allow it.</summary>
    Forbidden,

    /// <summary>The input is fine, but the current state refuses it (a name taken, a limit reached, a concurrent change).</summary>
    Conflict,
}

/// <summary>Declares the kind of a problem code; a code without it is <see cref="ProblemKind.Invalid"/>.</summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class ProblemKindAttribute(ProblemKind kind) : Attribute
{
    public ProblemKind Kind { get; } = kind;
}

/// <summary>Marks a class whose string constants are problem codes, so the catalogue (and its tests) know every code.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ProblemCodesAttribute : Attribute;
