using System.Globalization;

namespace CustomActivities.Web;

public sealed record SupportedCulture(string Name, string NativeName);

public static class SupportedCultures
{
    public const string Default = "en";

    public static readonly IReadOnlyList<SupportedCulture> All =
    [
        new("en", "English"),
        new("fr", "Français"),
    ];

    public static string[] Names => [.. All.Select(c => c.Name)];

    public static bool IsSupported(string? name) => All.Any(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    public static CultureInfo[] CultureInfos => [.. All.Select(c => new CultureInfo(c.Name))];
}
