using System.Data.Common;
using CustomActivities.Core.Activities;
using CustomActivities.Core.ApiClients;
using CustomActivities.Core.SmartLists;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomActivities.Core.Persistence.Sqlite;

/// <summary>The SQLite side of the seam: one file beside the app, WAL, pragmas on every connection.</summary>
internal sealed class SqliteEngine(SqliteDatabase database, SqlitePragmaInterceptor pragmas) : DatabaseEngine
{
    public override DatabaseTarget Target { get; } = DatabaseTarget.Sqlite(database.Path);

    public static void AddTo(IServiceCollection services, DatabaseTarget target)
    {
        services.AddSingleton(new SqliteDatabase(target.Location));
        services.AddSingleton<SqlitePragmaInterceptor>();
        services.AddSingleton<DatabaseEngine, SqliteEngine>();
        services.AddSingleton<SmartListDialect, SqliteSmartListDialect>();
        services.AddSingleton<SqlDialect, SqliteDialect>();
        // One node serves a SQLite file: the API limits live in its memory.
        services.AddSingleton<ApiUsageTracker, LocalApiUsageTracker>();
        services.AddSingleton<ActivityBulkWriter, SqliteActivityWriter>();
        services.AddSingleton<ILastActivityTouch, SqliteLastActivityTouch>();
        services.AddScoped<ScaleLoad, SqliteScaleLoad>();
    }

    internal override void UseProvider(DbContextOptionsBuilder options) => options
        // Split queries: a type loads its versions and their fields, one query per collection, not their cartesian product.
        .UseSqlite(database.ConnectionString, sqlite => sqlite.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
        .AddInterceptors(pragmas);

    public override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(database.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            SqliteConnectionSetup.Apply(connection);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>SQLITE_CONSTRAINT: the only constraints a save here can break are unique indexes and keys.</summary>
    internal static bool IsUniqueViolation(DbException exception) => exception is SqliteException { SqliteErrorCode: 19 };
}
