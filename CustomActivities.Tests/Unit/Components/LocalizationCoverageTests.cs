using System.Reflection;
using System.Text.RegularExpressions;
using CustomActivities.Core.ActivityTypes;
using CustomActivities.Core.Auditing;
using System.Xml.Linq;
using CustomActivities.Tests.Support;
using CustomActivities.Web;

namespace CustomActivities.Tests.Unit.Components;

/// <summary>
/// Every key a component asks its localizer for exists in the matching resource file: a missing key would show
/// users the raw key.
/// </summary>
public sealed partial class LocalizationCoverageTests
{
    [Fact]
    public void Every_localized_key_used_by_a_component_exists_in_its_resource_file()
    {
        var web = Path.Combine(AppProcess.RepositoryRoot(), "CustomActivities.Web");
        var missing = new List<string>();
        var checkedKeys = 0;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(web, "Components"), "*.razor", SearchOption.AllDirectories))
        {
            var source = File.ReadAllText(file);
            foreach (Match injection in Injection().Matches(source))
            {
                var (marker, variable) = (injection.Groups[1].Value, injection.Groups[2].Value);
                var keys = ResourceKeys(web, marker);
                foreach (Match use in Regex.Matches(source, $@"(?<![\w.]){Regex.Escape(variable)}\[""([^""]+)""", RegexOptions.None, TimeSpan.FromSeconds(1)))
                {
                    checkedKeys++;
                    if (!keys.Contains(use.Groups[1].Value))
                    {
                        missing.Add($"{Path.GetRelativePath(web, file)}: {marker}[\"{use.Groups[1].Value}\"]");
                    }
                }
            }
        }
        Assert.True(checkedKeys > 50, $"only {checkedKeys} keys found: is the scan still finding the components?");
        Assert.Empty(missing);
    }

    /// <summary>Every language of the picker but English, whose text is in the neutral files.</summary>
    public static TheoryData<string> Translations => [.. SupportedCultures.Names.Where(c => c != SupportedCultures.Default)];

    /// <summary>
    /// Values that are rightly the same as English. A value without a letter ("{0}", "=", "≥") is never listed here:
    /// there is nothing to translate in it.
    /// </summary>
    private static readonly (string Culture, string Value)[] SameAsEnglish =
    [
        ("*", "CustomActivities"), // the product's name
        ("*", "API"), ("*", "CSV"), ("*", "JSON"), ("*", "OK"), // acronyms every language writes the same way
        ("fr", "Action"), ("fr", "Actions"), ("fr", "Date"), ("fr", "Description"), ("fr", "Version"), ("fr", "Permission"), // the same French words
        ("de", "Operator"), ("nl", "Operator"), ("nl", "is"), // MudBlazor's filter menu: the same German and Dutch words
        ("de", "Name"), ("de", "Status"), ("de", "Link"), ("de", "Version"), ("de", "System"), ("de", "Person"), // the same German words
        ("nl", "Status"), ("nl", "per week"), // the same Dutch words
        ("pt-BR", "Status"), ("pt-BR", "Link"), // the words Brazilian software uses
        ("es", "Error"), ("es", "no"), // the same Spanish words
    ];

    [Fact]
    public void The_picker_offers_six_languages_and_each_has_translations_to_check()
    {
        Assert.Equal(["en", "de", "nl", "pt-BR", "es", "fr"], SupportedCultures.Names);
        Assert.Equal(5, Translations.Count);
        Assert.True(NeutralFiles().Count >= 7, "the scan should find SharedResource, MudBlazorText and each feature's text");
    }

    [Theory]
    [MemberData(nameof(Translations))]
    public void Every_english_string_has_a_translation_in_each_language(string culture)
    {
        var problems = new List<string>();
        foreach (var file in NeutralFiles())
        {
            var translation = TranslationOf(file, culture);
            if (!File.Exists(translation))
            {
                problems.Add($"{Relative(translation)} is missing ({Keys(file).Count} keys of {Path.GetFileName(file)})");
                continue;
            }
            var translated = Keys(translation);
            problems.AddRange(Keys(file).Where(k => !translated.Contains(k)).Order(StringComparer.Ordinal).Select(k => $"{Relative(translation)}: {k}"));
        }
        Assert.True(problems.Count == 0, $"{problems.Count} untranslated in {culture}:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    }

    [Theory]
    [MemberData(nameof(Translations))]
    public void Each_translation_keeps_the_placeholders_of_the_english_text(string culture)
    {
        var problems = new List<string>();
        foreach (var (file, key, english, translated) in TranslatedPairs(culture))
        {
            var (expected, actual) = (Placeholders(english), Placeholders(translated));
            if (!expected.SequenceEqual(actual))
            {
                problems.Add($"{Relative(file)}: {key} has [{string.Join(" ", actual.Select(p => $"{{{p}}}"))}] where English has [{string.Join(" ", expected.Select(p => $"{{{p}}}"))}]");
            }
        }
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Theory]
    [MemberData(nameof(Translations))]
    public void No_translation_is_left_in_english(string culture)
    {
        var problems = TranslatedPairs(culture)
            .Where(p => p.Translated == p.English && p.English.Any(char.IsLetter) && !MayEqualEnglish(culture, p.English))
            .Select(p => $"{Relative(p.File)}: {p.Key} = \"{p.English}\"")
            .ToList();
        Assert.True(problems.Count == 0,
            $"{problems.Count} values in {culture} equal the English text (translate them, or add (culture, value) to SameAsEnglish with why):"
            + Environment.NewLine + string.Join(Environment.NewLine, problems));
    }

    /// <summary>Listed for this culture or for all ("*"), in either case ("Description" and "description").</summary>
    private static bool MayEqualEnglish(string culture, string value) =>
        SameAsEnglish.Any(a => (a.Culture == "*" || a.Culture == culture) && string.Equals(a.Value, value, StringComparison.OrdinalIgnoreCase));

    private static string ResourcesFolder => Path.Combine(AppProcess.RepositoryRoot(), "CustomActivities.Web", "Resources");

    /// <summary>The English files: "PeopleText.resx", not "PeopleText.fr.resx".</summary>
    private static List<string> NeutralFiles() =>
        [.. Directory.EnumerateFiles(ResourcesFolder, "*.resx", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(Path.GetFileNameWithoutExtension(f)).Length == 0)
            .Order(StringComparer.Ordinal)];

    private static string TranslationOf(string neutral, string culture) => Path.ChangeExtension(neutral, $".{culture}.resx");

    private static string Relative(string file) => Path.GetRelativePath(ResourcesFolder, file);

    private static IEnumerable<(string File, string Key, string English, string Translated)> TranslatedPairs(string culture)
    {
        foreach (var file in NeutralFiles())
        {
            var translation = TranslationOf(file, culture);
            if (!File.Exists(translation))
            {
                continue;
            }
            var translated = Values(translation);
            foreach (var (key, english) in Values(file))
            {
                if (translated.TryGetValue(key, out var value))
                {
                    yield return (translation, key, english, value);
                }
            }
        }
    }

    /// <summary>"{0}", "{1:N0}" and MudBlazor's "{first_item}", by name and sorted: a translation may reorder them.</summary>
    private static List<string> Placeholders(string text) =>
        [.. Placeholder().Matches(text).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal)];

    [Fact]
    public void Every_audit_action_the_core_can_give_has_a_label()
    {
        var shared = Keys(Path.Combine(AppProcess.RepositoryRoot(), "CustomActivities.Web", "Resources", "SharedResource.resx"));
        var actions = new[] { typeof(AuditActions), typeof(ActivityTypeService.Actions) }
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

        Assert.Contains(AuditActions.ApiClientRevoked, actions);
        var unlabelled = actions.Where(a => !shared.Contains("AuditAction." + a)).ToList();
        Assert.Empty(unlabelled);
    }

    [Fact]
    public void No_resource_file_holds_two_keys_that_differ_only_in_case()
    {
        // The resource compiler drops such a key with a mere warning, and the string silently disappears.
        var resources = Path.Combine(AppProcess.RepositoryRoot(), "CustomActivities.Web", "Resources");
        var clashes = Directory.EnumerateFiles(resources, "*.resx", SearchOption.AllDirectories)
            .SelectMany(file => XDocument.Load(file).Root!.Elements("data")
                .GroupBy(d => ((string)d.Attribute("name")!).ToUpperInvariant())
                .Where(g => g.Count() > 1)
                .Select(g => $"{Path.GetFileName(file)}: {g.Key}"))
            .ToList();
        Assert.Empty(clashes);
    }

    private static HashSet<string> Keys(string resx) => [.. XDocument.Load(resx).Root!.Elements("data").Select(d => (string)d.Attribute("name")!)];

    private static Dictionary<string, string> Values(string resx) =>
        XDocument.Load(resx).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    private static HashSet<string> ResourceKeys(string web, string marker)
    {
        var resx = Directory.EnumerateFiles(Path.Combine(web, "Resources"), marker + ".resx", SearchOption.AllDirectories).SingleOrDefault()
            ?? throw new FileNotFoundException($"No Resources/**/{marker}.resx for IStringLocalizer<{marker}>");
        return Keys(resx);
    }

    [GeneratedRegex(@"@inject\s+IStringLocalizer<(\w+)>\s+(\w+)")]
    private static partial Regex Injection();

    [GeneratedRegex(@"\{(\w+)(?:[,:][^{}]*)?\}")]
    private static partial Regex Placeholder();
}
