using System.Reflection;

namespace CustomActivities.Core.Results;

/// <summary>Every problem code Core can give (the constants of the <see cref="ProblemCodesAttribute"/> classes) with its kind.</summary>
public static class ProblemCatalog
{
    private static readonly Lazy<IReadOnlyDictionary<string, ProblemKind>> Kinds = new(Discover);

    public static IReadOnlyCollection<string> Codes => (IReadOnlyCollection<string>)Kinds.Value.Keys;

    public static ProblemKind KindOf(string code) => Kinds.Value.GetValueOrDefault(code, ProblemKind.Invalid);

    private static IReadOnlyDictionary<string, ProblemKind> Discover() =>
        typeof(ProblemCatalog).Assembly.GetTypes()
            .Where(t => t.IsDefined(typeof(ProblemCodesAttribute)))
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            // A feature may name a common code again (its "required" is everyone's "required").
            .DistinctBy(f => (string)f.GetRawConstantValue()!)
            .ToDictionary(
                f => (string)f.GetRawConstantValue()!,
                f => f.GetCustomAttribute<ProblemKindAttribute>()?.Kind ?? ProblemKind.Invalid);
}
