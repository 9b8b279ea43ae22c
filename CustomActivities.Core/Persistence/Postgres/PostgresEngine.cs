using System.Data.Common;
using CustomActivities.Core.Activities;
using CustomActivities.Core.ApiClients;
using CustomActivities.Core.SmartLists;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CustomActivities.Core.Persistence.Postgres;

/// <summary>
/// The PostgreSQL side of the seam: one pooled <see cref="NpgsqlDataSource"/> per process, migrations from their own
/// assembly (EF Core keeps one migrations set per provider).
/// </summary>
internal sealed class PostgresEngine(NpgsqlDataSource dataSource, DatabaseTarget target) : DatabaseEngine
{
    public const string MigrationsAssembly = "CustomActivities.Migrations.Postgres";

    public override DatabaseTarget Target => target;

    public static void AddTo(IServiceCollection services, DatabaseTarget target)
    {
        // Registered by factory, so the container disposes the pool at shutdown.
        services.AddSingleton(_ => NpgsqlDataSource.Create(WithStatementCache(target.Location)));
        services.AddSingleton<DatabaseEngine>(provider => new PostgresEngine(provider.GetRequiredService<NpgsqlDataSource>(), target));
        services.AddSingleton<SmartListDialect, PostgresSmartListDialect>();
        // Several web nodes share one PostgreSQL database: live updates travel between them with LISTEN/NOTIFY.
        services.AddPostgresClusterSignals(target.Location);
        services.AddSingleton<SqlDialect, PostgresDialect>();
        // Several web nodes may share the database: the API limits are counted in it.
        services.AddSingleton<ApiUsageTracker, PostgresApiUsageTracker>();
        services.AddSingleton<ActivityBulkWriter, PostgresActivityWriter>();
        services.AddSingleton<ILastActivityTouch, PostgresLastActivityTouch>();
        services.AddSingleton<ScaleLoad, PostgresScaleLoad>();
        services.AddSingleton<ActivityPartitionMaintainer>();
        services.AddHostedService(provider => provider.GetRequiredService<ActivityPartitionMaintainer>());
    }

    /// <summary>
    /// Npgsql's automatic preparation, unless the connection string sets it: a statement run a few times on a
    /// connection is prepared there, so PostgreSQL plans it once. Planning is most of a short query's time on the
    /// monthly partitions of Activities (a timeline page of 50: 6.5 ms planning, 2 ms running, on 42 partitions).
    /// </summary>
    internal static string WithStatementCache(string connectionString)
    {
        if (connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            return connectionString;
        }
        return new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = AutoPreparedStatements }.ConnectionString;
    }

    /// <summary>Per connection; the app runs a few dozen distinct statements often (pages, counts, lookups).</summary>
    public const int AutoPreparedStatements = 64;

    internal override void UseProvider(DbContextOptionsBuilder options) => options
        .UseNpgsql(dataSource, npgsql => npgsql
            .MigrationsAssembly(MigrationsAssembly)
            .UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery));

    public override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default) =>
        await dataSource.OpenConnectionAsync(cancellationToken);

    /// <summary>unique_violation (23505).</summary>
    internal static bool IsUniqueViolation(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    /// <summary>Server, port, database and user of a connection string, without its password.</summary>
    public static string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{builder.Host}:{builder.Port}/{builder.Database} as {builder.Username}";
    }
}
