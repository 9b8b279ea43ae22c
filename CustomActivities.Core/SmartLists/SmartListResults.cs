using CustomActivities.Core.People;

namespace CustomActivities.Core.SmartLists;

public sealed record SmartListPage(IReadOnlyList<PersonRow> Rows, int Count);

/// <summary>An activity that satisfied (or, for a "not" filter, defeated) a filter, with its field values as stored.</summary>
public sealed record WhyActivity(long Id, DateTimeOffset OccurredAt, string? PrimaryValue, IReadOnlyList<KeyValuePair<string, string>> Fields);

/// <summary>
/// One filter for one person: whether it holds, and the activities matching its type, window and constraints (the newest
/// <see cref="SmartListEvaluator.WhyActivityLimit"/> of <see cref="MatchingCount"/>). For a "not" filter that holds, there
/// are none; for one that fails, they are the activities that kept the person out.
/// </summary>
public sealed record WhyFilter(int Number, SmartListFilter Filter, bool Satisfied, IReadOnlyList<WhyActivity> Activities, int MatchingCount);

public sealed record SmartListWhy(int PersonId, bool IsMember, IReadOnlyList<WhyFilter> Filters);
