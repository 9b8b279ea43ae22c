using System.ComponentModel.DataAnnotations;

namespace CustomActivities.Core.SmartLists;

/// <summary>How a count over everybody is shared between the machine's cores, and how a page of members is read.</summary>
public sealed class SmartListOptions
{
    public const string Section = "SmartLists";

    /// <summary>
    /// A list that no filter narrows reads every person: its count is split by person id into this many parts, each
    /// counted on its own connection at the same time (a database runs one query on one core). 0 means one part per
    /// core, at most 4. On SQLite only (<see cref="SmartListDialect.CountsInPersonRanges"/>).
    /// </summary>
    [Range(0, 64, ErrorMessage = "SmartLists:CountParallelism must be between {1} and {2} (0: one part per core, at most 4).")]
    public int CountParallelism { get; set; }

    /// <summary>Below this many person ids a count is not split: starting the parts would cost more than it saves.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "SmartLists:ParallelCountMinPeople must be at least {1}.")]
    public int ParallelCountMinPeople { get; set; } = 100_000;

    /// <summary>
    /// A page is read in the sort's order, each person asked about every filter, when that is expected to reach the page's
    /// last member within this many people (from the count: members spread evenly through the order); otherwise the
    /// members are listed and sorted. A probe costs a few index seeks: at 1,000,000 people, listing a 30-day window and
    /// sorting its 130,000 members took 1.1 s, while reading 10,000 people in order takes tens of milliseconds.
    /// 0: always list and sort. Only where person probes are cheap (<see cref="SmartListDialect.CheapPersonProbes"/>).
    /// </summary>
    [Range(0, int.MaxValue, ErrorMessage = "SmartLists:PageInSortOrderMaxPeople must be 0 or more (0: always list and sort the members).")]
    public int PageInSortOrderMaxPeople { get; set; } = 10_000;

    public int Parts => CountParallelism > 0 ? CountParallelism : Math.Clamp(Environment.ProcessorCount, 1, 4);
}
