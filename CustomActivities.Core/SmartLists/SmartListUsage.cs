using CustomActivities.Core.ActivityTypes;

namespace CustomActivities.Core.SmartLists;

/// <summary>A saved smart list that filters on an activity type, and the type's fields its constraints name.</summary>
public sealed record SmartListUsage(SmartListSummary List, IReadOnlySet<string> Fields);

/// <summary>Which saved smart lists a change to an activity type breaks.</summary>
public static class SmartListImpact
{
    /// <summary>
    /// The lists a draft's change breaks: removing a field breaks the lists constraining it (the filter no longer
    /// validates); swapping the primary field breaks the lists constraining either field, because the activities
    /// recorded so far keep the old primary value where the new version no longer looks for it.
    /// </summary>
    public static IReadOnlyList<SmartListSummary> BrokenBy(IEnumerable<SmartListUsage> usages, DiffEntry change)
    {
        if (change.Kind != ChangeKind.Breaking)
        {
            return [];
        }
        Func<SmartListUsage, bool>? broken = change switch
        {
            { Item: "type", Aspect: "primaryField" } => u => u.Fields.Contains(change.Before ?? "") || u.Fields.Contains(change.After ?? ""),
            { Aspect: "removed" } when change.Item.StartsWith(FieldItemPrefix, StringComparison.Ordinal) =>
                u => u.Fields.Contains(change.Item[FieldItemPrefix.Length..]),
            _ => null,
        };
        return broken is null ? [] : [.. usages.Where(broken).Select(u => u.List)];
    }

    /// <summary>Every list broken by at least one of the changes, by name.</summary>
    public static IReadOnlyList<SmartListSummary> BrokenByAny(IEnumerable<SmartListUsage> usages, IEnumerable<DiffEntry> changes)
    {
        var all = usages.ToList();
        return [.. changes.SelectMany(c => BrokenBy(all, c)).DistinctBy(l => l.Id).OrderBy(l => l.Name, StringComparer.CurrentCultureIgnoreCase)];
    }

    private const string FieldItemPrefix = "field:";
}
