using System.Globalization;
using CustomActivities.Core.ActivityTypes;

namespace CustomActivities.Core.Activities;

/// <summary>
/// A position in a timeline: the (occurred-at, id) key of an entry. Pages continue strictly after it, so entries added
/// between two pages are never repeated or skipped, and entries with equal timestamps keep a stable order (by id).
/// </summary>
public sealed record TimelineCursor(long OccurredAtTicks, long Id)
{
    /// <summary>A cursor just after every entry that occurred before <paramref name="instant"/> (for "jump to date").</summary>
    public static TimelineCursor Before(DateTimeOffset instant) => new(instant.UtcTicks, 0);

    public static TimelineCursor Of(TimelineEntry entry) => new(entry.StoredTicks ?? entry.OccurredAt.UtcTicks, entry.Id);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{OccurredAtTicks}.{Id}");

    public static TimelineCursor? Parse(string? value)
    {
        var parts = value?.Split('.');
        return parts is [var ticks, var id]
            && long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var t)
            && long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var i)
            && t <= DateTimeOffset.MaxValue.UtcTicks
                ? new TimelineCursor(t, i)
                : null;
    }
}

/// <summary>What a timeline shows. <see cref="To"/> is exclusive; <see cref="Text"/> matches anywhere in the primary value.</summary>
public sealed record TimelineFilter(
    IReadOnlyList<int>? IncludeTypes = null,
    IReadOnlyList<int>? ExcludeTypes = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    string? Text = null)
{
    public static readonly TimelineFilter None = new();
}

/// <summary>A field of the type version an activity was recorded with.</summary>
public sealed record VersionField(string ApiName, string Label, FieldDataType DataType, bool IsPrimary, int Position);

/// <summary>The labels of one approved type version (immutable once approved, so they are cached).</summary>
public sealed record TypeVersionLabels(int ActivityTypeId, string ApiName, int Number, string DisplayName, IReadOnlyList<VersionField> Fields)
{
    public VersionField? Primary => Fields.FirstOrDefault(f => f.IsPrimary);
}

/// <summary>One value of an entry, with the label of the version the activity was recorded with.</summary>
public sealed record TimelineField(string ApiName, string Label, FieldDataType DataType, bool IsPrimary, string? Value);

/// <param name="TypeLabel">
/// The type as the app names it everywhere (<see cref="ActivityTypeLabel"/>): today's name, with the version's own label
/// beside it when the activity was recorded under another name.
/// </param>
public sealed record TimelineEntry(
    long Id,
    DateTimeOffset OccurredAt,
    TypeVersionLabels Type,
    string TypeLabel,
    string? PrimaryValue,
    IReadOnlyList<TimelineField> Fields)
{
    /// <summary>The date as stored (ticks), which pages continue from even when <see cref="OccurredAt"/> had to be held in range.</summary>
    public long? StoredTicks { get; init; }

    /// <summary>False for a date outside <see cref="ActivityDates"/>' range: shown as stored (UTC), flagged, never converted.</summary>
    public bool IsDateShowable => ActivityDates.IsShowable(StoredTicks ?? OccurredAt.UtcTicks);
}

/// <summary>
/// Entries newest first. <see cref="Older"/> continues towards the past (null at the oldest entry);
/// <see cref="Newer"/> continues towards the present (null when this page starts at the newest entry).
/// </summary>
public sealed record TimelinePage(IReadOnlyList<TimelineEntry> Entries, TimelineCursor? Older, TimelineCursor? Newer);

public enum HistogramGranularity
{
    Day,
    Week,
    Month,
}

/// <summary>Activities in [Start, End) of the viewer's calendar.</summary>
public sealed record HistogramBucket(DateOnly Start, DateOnly End, int Count);

/// <summary><see cref="OutsideRange"/>: activities whose stored date lies outside <see cref="ActivityDates"/>' range, not in any bucket.</summary>
public sealed record TimelineHistogram(HistogramGranularity Granularity, IReadOnlyList<HistogramBucket> Buckets, int Total, int OutsideRange = 0)
{
    public int Max => Buckets.Count == 0 ? 0 : Buckets.Max(b => b.Count);
}
