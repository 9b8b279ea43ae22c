namespace CustomActivities.Core.Persistence;

/// <summary>A generated person of the scale seed; CreatedAt is UTC ticks (also its UpdatedAt).</summary>
public readonly record struct SeedPerson(string Email, string FirstName, string LastName, string Company, long CreatedAt);

/// <summary>
/// What a bulk load of the scale seed does differently per database: the fastest way to insert people, which indexes
/// are set aside while the rows go in (and rebuilt once at the end, one sort each instead of millions of random
/// inserts), and the housekeeping afterwards. The data itself comes from <see cref="ScaleSeeder"/>, the same on both.
/// </summary>
public abstract class ScaleLoad
{
    /// <summary>
    /// Makes the database ready for activities between <paramref name="from"/> and <paramref name="until"/> and drops
    /// the indexes a bulk load should not maintain row by row; returns the statements that rebuild them.
    /// </summary>
    public abstract Task<IReadOnlyList<string>> BeginAsync(DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>Inserts the people in their order (ids ascending) and returns the first one's id.</summary>
    public abstract Task<int> InsertPeopleAsync(IEnumerable<SeedPerson> people, int count, IProgress<ScaleSeedProgress>? progress,
        CancellationToken cancellationToken);

    /// <summary>Runs the statements <see cref="BeginAsync"/> returned, then refreshes what the planner and the files need.</summary>
    public abstract Task EndAsync(IReadOnlyList<string> rebuildIndexes, IProgress<ScaleSeedProgress>? progress, CancellationToken cancellationToken);

    /// <summary>The names of the indexes on People and Activities, sorted (to check that a load put them all back).</summary>
    public abstract Task<IReadOnlyList<string>> IndexNamesAsync(CancellationToken cancellationToken);
}
