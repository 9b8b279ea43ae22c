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
/// Keeps one <see cref="ActivityFieldIndex"/> per deserving secondary field of each custom type's live version: an approval
/// reconciles at once (a new type has no activities, so that is instant; a new field of a busy type is one index build),
/// and start-up reconciles too, so a database made before these indexes, or a table rebuilt by a migration, gets them.
/// An index whose field left the live version is dropped: the field can no longer be filtered, and every index costs
/// ingestion. Old activities stay readable either way (the field index only ever narrows a scan).
/// </summary>
public sealed class ActivityFieldIndexes(IServiceScopeFactory scopes, ILogger<ActivityFieldIndexes> logger)
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

    /// <summary>The indexes the live versions call for, keyed by name (SQLite names ignore case: the first field wins).</summary>
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
                if (ActivityFieldIndex.For(type.Id, filterable) is { } index)
                {
                    wanted.TryAdd(index.Name, index);
                }
            }
        }
        return wanted;
    }

    /// <summary>The field indexes the file holds now, with their CREATE statements.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ExistingAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var context = await NewContextAsync(scope, cancellationToken);
        await context.Database.OpenConnectionAsync(cancellationToken);
        return await ExistingAsync(context.Database.GetDbConnection(), cancellationToken);
    }

    internal static async Task<IReadOnlyDictionary<string, string>> ExistingAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'Activities' AND substr(name, 1, length($prefix)) = $prefix";
        var prefix = command.CreateParameter();
        prefix.ParameterName = "$prefix";
        prefix.Value = ActivityFieldIndex.NamePrefix;
        command.Parameters.Add(prefix);
        var existing = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            existing[reader.GetString(0)] = reader.IsDBNull(1) ? "" : reader.GetString(1);
        }
        return existing;
    }

    /// <summary>Creates the missing indexes and drops the ones no live field calls for (or whose definition changed).</summary>
    public async Task<FieldIndexChanges> ReconcileAsync(CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var wanted = await WantedAsync(cancellationToken);
            await using var scope = scopes.CreateAsyncScope();
            await using var context = await NewContextAsync(scope, cancellationToken);
            await context.Database.OpenConnectionAsync(cancellationToken);
            var connection = context.Database.GetDbConnection();
            var existing = await ExistingAsync(connection, cancellationToken);
            var dropped = new List<string>();
            var created = new List<string>();
            foreach (var (name, sql) in existing)
            {
                if (!wanted.TryGetValue(name, out var index) || !string.Equals(index.CreateSql, sql, StringComparison.Ordinal))
                {
                    // The name comes from sqlite_master and matched the prefix; quoting keeps it a name.
                    await ExecuteAsync(connection, $"DROP INDEX IF EXISTS \"{name.Replace("\"", "\"\"")}\"", cancellationToken);
                    dropped.Add(name);
                }
            }
            foreach (var index in wanted.Values)
            {
                if (!existing.TryGetValue(index.Name, out var sql) || !string.Equals(index.CreateSql, sql, StringComparison.Ordinal))
                {
                    await ExecuteAsync(connection, index.CreateSql, cancellationToken);
                    created.Add(index.Name);
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
