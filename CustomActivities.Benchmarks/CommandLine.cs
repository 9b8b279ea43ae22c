namespace CustomActivities.Benchmarks;

/// <summary>Options written as <c>--name value</c> after the command name.</summary>
public static class CommandLine
{
    public static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    public static IReadOnlyList<string> List(string[] args, string name, string fallback) =>
        (Option(args, name) ?? fallback).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
