using System.Globalization;

namespace CustomActivities.Web;

public sealed record SupportedCulture(string Name, string NativeName);

/// <summary>The languages of the UI (the REST API stays in English), each named in its own language for the picker.</summary>
public static class SupportedCultures
{
    public const string Default = "en";

    public static readonly IReadOnlyList<SupportedCulture> All =
    [
        new("en", "English"),
        new("de", "Deutsch"),
        new("nl", "Nederlands"),
        new("pt-BR", "Português (Brasil)"),
        new("es", "Español"),
        new("fr", "Français"),
    ];

    public static string[] Names => [.. All.Select(c => c.Name)];

    public static bool IsSupported(string? name) => Find(name) is not null;

    /// <summary>The list's spelling of a supported culture's name, compared without case ("PT-br" → "pt-BR"), or null.</summary>
    public static string? Find(string? name) => All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase))?.Name;

    public static CultureInfo[] CultureInfos => [.. All.Select(c => new CultureInfo(c.Name))];

    /// <summary>
    /// The supported culture closest to a requested one: itself, its parent (de-CH → de, es-MX → es, nl-BE → nl),
    /// or the supported culture of the same language (pt, pt-PT → pt-BR); null when the language is not supported.
    /// </summary>
    public static string? Match(string? requested)
    {
        if (string.IsNullOrWhiteSpace(requested))
        {
            return null;
        }
        if (Find(requested) is { } exact)
        {
            return exact;
        }
        var language = requested.Split('-', '_')[0];
        return All.FirstOrDefault(c => string.Equals(c.Name.Split('-')[0], language, StringComparison.OrdinalIgnoreCase))?.Name;
    }
}
