namespace CustomActivities.Core.ActivityTypes;

public enum ChangeKind
{
    /// <summary>Something new; nothing that works today stops working.</summary>
    Addition,

    /// <summary>A label, description, name or order changed; integrations are unaffected.</summary>
    Revision,

    /// <summary>Integrations or smart lists that rely on the live version must change (a field removed, the primary field swapped).</summary>
    Breaking,
}

/// <summary>One line of a draft-against-live comparison. <see cref="Item"/> is "type.displayName", "field:webinarName", etc.</summary>
public sealed record DiffEntry(string Item, string Aspect, string? Before, string? After, ChangeKind Kind);

/// <summary>Compares a pending draft with the live version, labelling each change.</summary>
public static class ActivityTypeDiff
{
    public static IReadOnlyList<DiffEntry> Compare(VersionView? live, VersionView draft)
    {
        var entries = new List<DiffEntry>();
        Text(entries, "type", "displayName", live?.DisplayName, draft.DisplayName);
        Text(entries, "type", "description", live?.Description, draft.Description);
        Text(entries, "type", "triggerName", live?.TriggerName, draft.TriggerName);
        Text(entries, "type", "filterName", live?.FilterName, draft.FilterName);

        if (live is not null && !string.Equals(live.PrimaryField.ApiName, draft.PrimaryField.ApiName, StringComparison.Ordinal))
        {
            entries.Add(new("type", "primaryField", live.PrimaryField.ApiName, draft.PrimaryField.ApiName, ChangeKind.Breaking));
        }

        var liveFields = live?.AllFields.ToList() ?? [];
        var draftFields = draft.AllFields.ToList();
        foreach (var field in draftFields)
        {
            var before = liveFields.FirstOrDefault(f => f.ApiName == field.ApiName);
            var item = "field:" + field.ApiName;
            if (before is null)
            {
                entries.Add(new(item, "added", null, $"{field.DisplayName} ({field.DataType.ToWire()})", ChangeKind.Addition));
                continue;
            }
            Text(entries, item, "displayName", before.DisplayName, field.DisplayName);
            Text(entries, item, "description", before.Description, field.Description);
        }
        foreach (var removed in liveFields.Where(f => draftFields.All(d => d.ApiName != f.ApiName)))
        {
            entries.Add(new("field:" + removed.ApiName, "removed", $"{removed.DisplayName} ({removed.DataType.ToWire()})", null, ChangeKind.Breaking));
        }

        var liveOrder = live?.Fields.Select(f => f.ApiName).Where(n => draft.Fields.Any(d => d.ApiName == n)).ToList() ?? [];
        var draftOrder = draft.Fields.Select(f => f.ApiName).Where(n => liveOrder.Contains(n)).ToList();
        if (!liveOrder.SequenceEqual(draftOrder))
        {
            entries.Add(new("type", "fieldOrder", string.Join(", ", liveOrder), string.Join(", ", draftOrder), ChangeKind.Revision));
        }
        return entries;
    }

    private static void Text(List<DiffEntry> entries, string item, string aspect, string? before, string? after)
    {
        if (string.Equals(before ?? "", after ?? "", StringComparison.Ordinal))
        {
            return;
        }
        entries.Add(new(item, aspect, before, after, string.IsNullOrEmpty(before) ? ChangeKind.Addition : ChangeKind.Revision));
    }
}
