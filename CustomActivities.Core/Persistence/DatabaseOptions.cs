using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CustomActivities.Core.Persistence;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>The connection string's name under <c>ConnectionStrings</c> when the provider is PostgreSQL.</summary>
    public const string PostgresConnectionName = "Postgres";

    /// <summary><c>Sqlite</c> (the default: nothing to install) or <c>Postgres</c> (with <c>ConnectionStrings:Postgres</c>).</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Path of the SQLite file; relative paths are resolved against the folder of appsettings.json.</summary>
    public string Path { get; set; } = "data/customactivities.db";

    /// <summary>
    /// The "Database" section and the PostgreSQL connection string, checked at once: they decide what is registered.
    /// <paramref name="resolvePath"/> turns the configured SQLite path into the file's full path.
    /// </summary>
    public static DatabaseTarget Read(IConfiguration configuration, Func<string, string> resolvePath)
    {
        DatabaseOptions options;
        try
        {
            options = configuration.GetSection(Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        }
        catch (InvalidOperationException e)
        {
            throw Invalid($"Database:Provider must be Sqlite or Postgres ({e.InnerException?.Message ?? e.Message}).");
        }
        if (!Enum.IsDefined(options.Provider))
        {
            throw Invalid($"Database:Provider must be Sqlite or Postgres (it is \"{options.Provider}\").");
        }
        if (options.Provider == DatabaseProvider.Postgres)
        {
            return DatabaseTarget.Postgres(CheckedPostgres(configuration.GetConnectionString(PostgresConnectionName)));
        }
        if (string.IsNullOrWhiteSpace(options.Path) || options.Path.IndexOfAny(System.IO.Path.GetInvalidPathChars()) >= 0)
        {
            throw Invalid($"Database:Path must name the SQLite file, e.g. data/customactivities.db (it is \"{options.Path}\").");
        }
        return DatabaseTarget.Sqlite(resolvePath(options.Path));
    }

    private static string CheckedPostgres(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw Invalid("Database:Provider is Postgres, so ConnectionStrings:Postgres must say where the server is, " +
                "e.g. Host=127.0.0.1;Database=customactivities;Username=app;Password=... (environment: ConnectionStrings__Postgres).");
        }
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw Invalid($"ConnectionStrings:Postgres is not a valid PostgreSQL connection string: {e.Message}");
        }
        if (string.IsNullOrWhiteSpace(builder.Host) || string.IsNullOrWhiteSpace(builder.Database))
        {
            throw Invalid("ConnectionStrings:Postgres must name the server (Host=...) and the database (Database=...).");
        }
        return connectionString;
    }

    private static OptionsValidationException Invalid(string message) => new(Section, typeof(DatabaseOptions), [message]);
}
