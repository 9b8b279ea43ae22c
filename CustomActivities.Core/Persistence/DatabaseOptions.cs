using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace CustomActivities.Core.Persistence;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Path of the SQLite file; relative paths are resolved against the folder of appsettings.json.</summary>
    public string Path { get; set; } = "data/customactivities.db";

    /// <summary>The "Database" section, checked at once: the path is needed while services are registered.</summary>
    public static DatabaseOptions Read(IConfiguration configuration)
    {
        var options = configuration.GetSection(Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (string.IsNullOrWhiteSpace(options.Path) || options.Path.IndexOfAny(System.IO.Path.GetInvalidPathChars()) >= 0)
        {
            throw new OptionsValidationException(Section, typeof(DatabaseOptions),
                [$"Database:Path must name the SQLite file, e.g. data/customactivities.db (it is \"{options.Path}\")."]);
        }
        return options;
    }
}
