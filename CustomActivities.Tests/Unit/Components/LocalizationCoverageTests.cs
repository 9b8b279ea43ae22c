using System.Reflection;
using System.Text.RegularExpressions;
using CustomActivities.Core.ActivityTypes;
using CustomActivities.Core.Auditing;
using System.Xml.Linq;
using CustomActivities.Tests.Support;

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

    [Fact]
    public void Every_english_string_has_a_french_translation()
    {
        var resources = Path.Combine(AppProcess.RepositoryRoot(), "CustomActivities.Web", "Resources");
        var neutral = Directory.EnumerateFiles(resources, "*.resx", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".fr.resx", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(neutral);
        var untranslated = new List<string>();
        foreach (var file in neutral)
        {
            var french = Path.ChangeExtension(file, ".fr.resx");
            var translated = File.Exists(french) ? Keys(french) : [];
            untranslated.AddRange(Keys(file).Where(k => !translated.Contains(k)).Select(k => $"{Path.GetFileName(file)}: {k}"));
        }
        Assert.Empty(untranslated);
    }

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

    private static HashSet<string> ResourceKeys(string web, string marker)
    {
        var resx = Directory.EnumerateFiles(Path.Combine(web, "Resources"), marker + ".resx", SearchOption.AllDirectories).SingleOrDefault()
            ?? throw new FileNotFoundException($"No Resources/**/{marker}.resx for IStringLocalizer<{marker}>");
        return Keys(resx);
    }

    [GeneratedRegex(@"@inject\s+IStringLocalizer<(\w+)>\s+(\w+)")]
    private static partial Regex Injection();
}
