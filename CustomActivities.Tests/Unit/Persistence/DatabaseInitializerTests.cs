using CustomActivities.Core.Persistence;
using CustomActivities.Core.Users;
using CustomActivities.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CustomActivities.Tests.Unit.Persistence;

public sealed class DatabaseInitializerTests
{
    [Fact]
    public async Task Applies_migrations_and_seeds_roles_and_an_admin_with_a_generated_password()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();

        await using var context = host.NewContext();
        Assert.Empty(await context.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        var roles = await context.Roles.Select(r => r.Name).OrderBy(n => n).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["Admin", "Marketer"], roles);

        var users = host.Get<UserManager<ApplicationUser>>();
        var admin = await users.FindByEmailAsync(DatabaseInitializer.DefaultAdminEmail);
        Assert.NotNull(admin);
        Assert.True(await users.IsInRoleAsync(admin, Roles.Admin));
    }

    [Fact]
    public async Task Generated_password_is_reported_once_and_signs_in()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        // The builder already initialised once; a second start must not create or report anything.
        var second = await host.Get<DatabaseInitializer>().InitializeAsync(TestContext.Current.CancellationToken);
        Assert.Null(second.GeneratedAdminPassword);
        Assert.Null(second.CreatedAdminEmail);
    }

    [Fact]
    public async Task Configured_admin_credentials_are_used_and_not_echoed()
    {
        await using var host = await new CoreTestHostBuilder()
            .WithSetting("Admin:Email", "boss@example.com")
            .WithSetting("Admin:Password", "Configured-Password-1!")
            .BuildAsync();

        var users = host.Get<UserManager<ApplicationUser>>();
        var admin = await users.FindByEmailAsync("boss@example.com");
        Assert.NotNull(admin);
        Assert.True(await users.CheckPasswordAsync(admin, "Configured-Password-1!"));
        Assert.Null(await users.FindByEmailAsync(DatabaseInitializer.DefaultAdminEmail));
    }

    [Fact]
    public void Generated_passwords_are_long_mixed_and_different()
    {
        var passwords = Enumerable.Range(0, 50).Select(_ => DatabaseInitializer.GeneratePassword()).ToList();
        Assert.All(passwords, p =>
        {
            Assert.Equal(20, p.Length);
            Assert.Contains(p, char.IsUpper);
            Assert.Contains(p, char.IsLower);
            Assert.Contains(p, char.IsDigit);
            Assert.Contains(p, c => !char.IsLetterOrDigit(c));
        });
        Assert.Equal(passwords.Count, passwords.Distinct().Count());
    }

    [Fact]
    [Trait("Database", "Sqlite")]
    public async Task Database_runs_in_wal_mode()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        await using var connection = new SqliteConnection($"Data Source={host.DatabasePath}");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Demo_data_fills_an_empty_database_once()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var seeder = host.Get<DemoDataSeeder>();
        await seeder.SeedAsync(TestContext.Current.CancellationToken);
        await seeder.SeedAsync(TestContext.Current.CancellationToken);

        await using var context = host.NewContext();
        Assert.Equal(12, await context.People.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(72, await context.Activities.CountAsync(TestContext.Current.CancellationToken));
        var type = await context.ActivityTypes.Include(t => t.Versions).SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(1, type.LiveVersionNumber);
        Assert.Equal(3, type.Versions.Single().Fields.Count);
        var audit = await context.AuditEntries.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(("system", "demo-data.seeded", type.Id.ToString()), (audit.Actor, audit.Action, audit.EntityId));
    }
}
