namespace CustomActivities.Core.Results;

/// <summary>
/// The outcome of a change Core was asked to make: succeeded, or the problems that refused it (nothing was written then).
/// Expected refusals are results, never exceptions.
/// </summary>
public class Result
{
    protected Result(IReadOnlyList<Problem> problems) => Problems = problems;

    public static Result Success { get; } = new([]);

    public IReadOnlyList<Problem> Problems { get; }

    public bool Succeeded => Problems.Count == 0;

    /// <summary>The kind of the first problem; null on success.</summary>
    public ProblemKind? Kind => Succeeded ? null : Problems[0].Kind;

    public bool Has(string code) => Problems.Any(p => p.Code == code);

    public static Result Failure(IReadOnlyList<Problem> problems) => new(Refusing(problems));

    public static Result Failure(Problem problem) => new([problem]);

    public static Result<T> Succeed<T>(T value) => new(value, []);

    public static Result<T> Failure<T>(IReadOnlyList<Problem> problems) => new(default, Refusing(problems));

    public static Result<T> Failure<T>(Problem problem) => new(default, [problem]);

    private static IReadOnlyList<Problem> Refusing(IReadOnlyList<Problem> problems) =>
        problems.Count > 0 ? problems : throw new ArgumentException("A failure needs at least one problem.", nameof(problems));
}

/// <summary>A <see cref="Result"/> that carries what the change produced (the new id, the API name, a password shown once).</summary>
public sealed class Result<T> : Result
{
    internal Result(T? value, IReadOnlyList<Problem> problems) : base(problems) => Value = value;

    /// <summary>What the change produced; default when it failed.</summary>
    public T? Value { get; }
}
