using System.Data.Common;
using CustomActivities.Core.ActivityTypes;
using CustomActivities.Core.Events;
using CustomActivities.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CustomActivities.Core.SmartLists;

/// <summary>What one reconciliation changed, by index name.</summary>
public sealed record FieldIndexChanges(IReadOnlyList<string> Created, IReadOnlyList<string> Dropped);

/// <summary>
/// Keeps the <see cref="ActivityFieldIndex"/>es of each deserving secondary field of each custom type's live version (value
/// first, and person first for numbers and dates where the dialect wants them): an approval
/// reconciles at once (a new type has no activities, so that is instant; a new field of a busy type is one index build),
/// and start-up reconciles too, so a database made before these indexes, or a table rebuilt by a migration, gets them.
/// An index whose field left the live version is dropped: the field can no longer be filtered, and every index costs
/// ingestion. Old activities stay readable either way (the field index only ever narrows a scan).
/// </summary>
public sealed class ActivityFieldIndexes(IServiceScopeFactory scopes, DatabaseEngine database, SmartListDialect dialect,
    ILogger<ActivityFieldIndexes> logger)
    : IDomainEventHandler<ActivityTypeEvent>
{
    private readonly SemaphoreSlim gate = new(1, 1);

    public async Task HandleAsync(ActivityTypeEvent domainEvent, CancellationToken cancellationToken)
    {
        if (domainEvent is ActivityTypeDraftApproved or ActivityTypeDeleted)
        {
            await ReconcileAsync(cancellationToken);
        }
    }

    /// <summary>The indexes the live versions call for, keyed by their name in this database (SQLite names ignore case: the first field wins).</summary>
    public async Task<IReadOnlyDictionary<string, ActivityFieldIndex>> WantedAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var context = await NewContextAsync(scope, cancellationToken);
        var types = await context.ActivityTypes.AsNoTracking()
            .Where(t => t.LiveVersionNumber != null)
            .Include(t => t.Versions.Where(v => v.State == VersionState.Approved)).ThenInclude(v => v.Fields)
            .ToListAsync(cancellationToken);
        var wanted = new Dictionary<string, ActivityFieldIndex>(StringComparer.OrdinalIgnoreCase);
        foreach (var type in types.OrderBy(t => t.Id))
        {
            foreach (var field in type.LiveVersion?.Fields.OrderBy(f => f.Position) ?? Enumerable.Empty<ActivityField>())
            {
                var filterable = new FilterableField(field.ApiName, field.DisplayName, field.DataType, field.IsPrimary);
                foreach (var index in ActivityFieldIndex.AllFor(type.Id, filterable).Where(i => !i.ByPerson || dialect.CheapPersonProbes))
                {
                    wanted.TryAdd(dialect.IndexName(index), index);
                }
            }
        }
        return wanted;
    }

    /// <summary>The field indexes the database holds now, with their definitions.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ExistingAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await dialect.ExistingIndexesAsync(connection, cancellationToken);
    }

    /// <summary>The definition this database holds for the index once it is built as today's fields call for it.</summary>
    public string DefinitionOf(ActivityFieldIndex index) => dialect.Definition(index);

    /// <summary>Creates the missing indexes and drops the ones no live field calls for (or whose definition changed).</summary>
    public async Task<FieldIndexChanges> ReconcileAsync(CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var wanted = await WantedAsync(cancellationToken);
            await using var connection = await database.OpenConnectionAsync(cancellationToken);
            var existing = await dialect.ExistingIndexesAsync(connection, cancellationToken);
            var dropped = new List<string>();
            var created = new List<string>();
            foreach (var (name, sql) in existing)
            {
                if (!wanted.TryGetValue(name, out var index) || !string.Equals(dialect.Definition(index), sql, StringComparison.Ordinal))
                {
                    // The name comes from the database's catalog and matched the prefix; quoting keeps it a name.
                    await ExecuteAsync(connection, $"DROP INDEX IF EXISTS \"{name.Replace("\"", "\"\"")}\"", cancellationToken);
                    dropped.Add(name);
                }
            }
            foreach (var (name, index) in wanted)
            {
                if (!existing.TryGetValue(name, out var sql) || !string.Equals(dialect.Definition(index), sql, StringComparison.Ordinal))
                {
                    foreach (var statement in dialect.CreateIndexStatements(index))
                    {
                        await ExecuteAsync(connection, statement, cancellationToken);
                    }
                    created.Add(name);
                }
            }
            if (created.Count + dropped.Count > 0)
            {
                logger.LogInformation("Smart list field indexes: created {Created}; dropped {Dropped}", string.Join(", ", created), string.Join(", ", dropped));
            }
            return new FieldIndexChanges(created, dropped);
        }
        finally
        {
            gate.Release();
        }
    }

    // The context factory is scoped (it carries the actor for auditing); this handler is a singleton and only reads rows.
    private static Task<AppDbContext> NewContextAsync(AsyncServiceScope scope, CancellationToken cancellationToken) =>
        scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(cancellationToken);

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        // Building an index over millions of activities takes seconds; the default command timeout would cut it.
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
