using Microsoft.Extensions.Configuration.Json;

namespace CustomActivities.Web;

/// <summary>
/// The product keeps one settings file, appsettings.json at the repository root. Running from the source tree it is
/// found above the project folder; a build output carries a copy next to the binaries.
/// </summary>
public static class SettingsFile
{
    public const string FileName = "appsettings.json";

    public static string Locate(string contentRootPath)
    {
        var candidates = new[]
        {
            Path.GetFullPath(Path.Combine(contentRootPath, "..", FileName)),
            Path.Combine(contentRootPath, FileName),
            Path.Combine(AppContext.BaseDirectory, FileName),
        };
        return candidates.FirstOrDefault(File.Exists) ?? candidates[^1];
    }

    /// <summary>Adds the file just above the framework's own JSON sources, so environment variables and the command line still win.</summary>
    public static string AddTo(IConfigurationManager configuration, string contentRootPath)
    {
        var path = Locate(contentRootPath);
        var source = new JsonConfigurationSource { Path = Path.GetFileName(path), Optional = true, ReloadOnChange = false };
        source.ResolveFileProvider();
        source.FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(Path.GetDirectoryName(path)!);
        var lastJson = configuration.Sources.Select((s, i) => (s, i)).LastOrDefault(x => x.s is JsonConfigurationSource).i;
        configuration.Sources.Insert(lastJson + 1, source);
        return path;
    }

    public static string ResolveDatabasePath(string configuredPath, string settingsPath) =>
        Path.IsPathRooted(configuredPath)
            ? configuredPath
            : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(settingsPath)!, configuredPath));
}
