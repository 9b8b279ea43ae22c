using System.ComponentModel.DataAnnotations;

namespace CustomActivities.Core.SmartLists;

/// <summary>How a count over everybody is shared between the machine's cores.</summary>
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

    public int Parts => CountParallelism > 0 ? CountParallelism : Math.Clamp(Environment.ProcessorCount, 1, 4);
}
