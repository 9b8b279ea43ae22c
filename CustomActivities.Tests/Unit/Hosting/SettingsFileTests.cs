using CustomActivities.Web;

namespace CustomActivities.Tests.Unit.Hosting;

public sealed class SettingsFileTests
{
    [Fact]
    public void Relative_database_paths_are_resolved_against_the_settings_folder()
    {
        Assert.Equal("/repo/data/app.db", SettingsFile.ResolveDatabasePath("data/app.db", "/repo/appsettings.json"));
        Assert.Equal("/var/lib/ca.db", SettingsFile.ResolveDatabasePath("/var/lib/ca.db", "/repo/appsettings.json"));
    }

    [Fact]
    public void The_repository_settings_file_is_found_from_the_web_project_folder()
    {
        var root = Support.AppProcess.RepositoryRoot();
        Assert.Equal(Path.Combine(root, "appsettings.json"), SettingsFile.Locate(Path.Combine(root, "CustomActivities.Web")));
    }

    [Fact]
    public void The_seed_demo_switch_is_taken_out_of_the_host_arguments()
    {
        var parsed = StartupArguments.Parse(["--urls", "http://127.0.0.1:5005", "--seed-demo"]);
        Assert.True(parsed.SeedDemo);
        Assert.Equal(["--urls", "http://127.0.0.1:5005"], parsed.HostArguments);
        Assert.False(StartupArguments.Parse([]).SeedDemo);
    }
}
