using CustomActivities.Core.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace CustomActivities.Tests.Unit.Persistence;

public sealed class DatabaseOptionsTests
{
    private static DatabaseTarget Read(params (string Key, string Value)[] settings) =>
        DatabaseOptions.Read(
            new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build(),
            path => "/app/" + path);

    [Fact]
    public void Without_settings_the_app_runs_on_the_default_sqlite_file_beside_its_settings()
    {
        Assert.Equal(DatabaseTarget.Sqlite("/app/data/customactivities.db"), Read());
    }

    [Fact]
    public void The_provider_setting_moves_the_app_to_postgres_with_the_named_connection_string()
    {
        var target = Read(("Database:Provider", "postgres"), ("ConnectionStrings:Postgres", "Host=db;Database=ca;Username=app;Password=secret"));

        Assert.Equal(DatabaseProvider.Postgres, target.Provider);
        Assert.Equal("Host=db;Database=ca;Username=app;Password=secret", target.Location);
        Assert.DoesNotContain("secret", target.ToString(), StringComparison.Ordinal);
        Assert.Contains("db:5432/ca as app", target.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Oracle", null, "Database:Provider must be Sqlite or Postgres")]
    [InlineData("Postgres", null, "ConnectionStrings:Postgres must say where the server is")]
    [InlineData("Postgres", "Host=db", "must name the server (Host=...) and the database (Database=...)")]
    [InlineData("Postgres", "Hots=db;Database=x", "not a valid PostgreSQL connection string")]
    public void A_provider_that_cannot_be_used_stops_start_up_with_the_setting_to_fix(string provider, string? connectionString, string message)
    {
        var settings = new List<(string, string)> { ("Database:Provider", provider) };
        if (connectionString is not null)
        {
            settings.Add(("ConnectionStrings:Postgres", connectionString));
        }

        var error = Assert.Throws<OptionsValidationException>(() => Read([.. settings]));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
