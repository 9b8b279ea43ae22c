using System.Data.Common;
using CustomActivities.Core.Persistence.Postgres;
using CustomActivities.Core.Persistence.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomActivities.Core.Persistence;

/// <summary>
/// The seam between Core and the database product. What differs between SQLite and PostgreSQL (EF Core's provider,
/// connections, error codes, hand-written SQL, bulk writes) is answered by the engine chosen once at start-up and by
/// the services it registers; the classes behind it live in <c>Persistence/Sqlite</c> and <c>Persistence/Postgres</c>,
/// and nothing outside those folders asks which database runs.
/// </summary>
public abstract class DatabaseEngine
{
    public abstract DatabaseTarget Target { get; }

    /// <summary>Registers the target's engine and the services of its provider (its SQL, its bulk writer, its connections).</summary>
    public static void Register(IServiceCollection services, DatabaseTarget target)
    {
        switch (target.Provider)
        {
            case DatabaseProvider.Sqlite:
                SqliteEngine.AddTo(services, target);
                break;
            case DatabaseProvider.Postgres:
                PostgresEngine.AddTo(services, target);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(target), target.Provider, "Unknown database provider.");
        }
    }

    /// <summary>EF Core's provider, its migrations and the interceptors only this provider needs.</summary>
    internal abstract void UseProvider(DbContextOptionsBuilder options);

    /// <summary>An open connection, set up as every connection of this provider must be; the caller disposes it.</summary>
    public abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default);

    /// <summary>True when a unique index or key refused a row (someone took the same name or key in between).</summary>
    public static bool IsUniqueViolation(Exception exception) =>
        exception is DbException db && (SqliteEngine.IsUniqueViolation(db) || PostgresEngine.IsUniqueViolation(db))
        || exception.InnerException is { } inner && IsUniqueViolation(inner);
}
