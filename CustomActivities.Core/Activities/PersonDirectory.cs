using System.Collections.Concurrent;
using System.Text;
using CustomActivities.Core.Persistence;

namespace CustomActivities.Core.Activities;

/// <summary>
/// Which person ids exist, for the ingestion path: ids seen once are remembered (people are rarely deleted; if one is,
/// the foreign key stops the write and <see cref="Forget"/> clears the memory before the batch is validated again).
/// </summary>
public sealed class PersonDirectory(DatabaseEngine database)
{
    private const int MaxRemembered = 2_000_000;
    private readonly ConcurrentDictionary<int, byte> known = new();

    public void Forget() => known.Clear();

    public void Remember(int personId) => known.TryAdd(personId, 0);

    /// <summary>The ids among <paramref name="personIds"/> that are not people.</summary>
    public async ValueTask<HashSet<int>> MissingAsync(IEnumerable<int> personIds, CancellationToken cancellationToken = default)
    {
        List<int>? unknown = null;
        foreach (var id in personIds)
        {
            if (!known.ContainsKey(id))
            {
                (unknown ??= []).Add(id);
            }
        }
        if (unknown is null)
        {
            return [];
        }
        var missing = new HashSet<int>(unknown);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var sql = new StringBuilder("""SELECT "Id" FROM "People" WHERE "Id" IN (""");
        var i = 0;
        foreach (var id in missing)
        {
            sql.Append(i == 0 ? "@p0" : $",@p{i}");
            command.AddParameter($"@p{i}", id);
            i++;
        }
        command.CommandText = sql.Append(");").ToString();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (known.Count > MaxRemembered)
        {
            known.Clear();
        }
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetInt32(0);
            missing.Remove(id);
            known.TryAdd(id, 0);
        }
        return missing;
    }
}
