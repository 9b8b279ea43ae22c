using CustomActivities.Core.Auditing;
using CustomActivities.Core.Persistence;
using CustomActivities.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CustomActivities.Benchmarks;

/// <summary>The app's Core services on a database file, acting as the system (set-up steps of the benchmarks).</summary>
public static class CoreServices
{
    public static ServiceProvider For(string databasePath) => For(DatabaseTarget.Sqlite(databasePath));

    /// <param name="clock">The time the services see; the system's unless given (Core registers it only when none is).</param>
    public static ServiceProvider For(DatabaseTarget database, TimeProvider? clock = null)
    {
        var collection = new ServiceCollection()
            .AddSingleton(clock ?? TimeProvider.System)
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<ICurrentActor>(new FixedActor(Actor.System))
            // The app's defaults for Core's options (limits on types and fields).
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddCustomActivitiesCore(database);
        collection.AddIdentityCore<ApplicationUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<AppDbContext>();
        return collection.BuildServiceProvider();
    }

    /// <summary>Creates the user through UserAdministration (audited, as on the Users page) unless the email exists.</summary>
    public static async Task EnsureUserAsync(IServiceProvider services, string email, string password, string role)
    {
        await using var scope = services.CreateAsyncScope();
        // A file seeded by an older build lacks later migrations; the app applies them at start-up, so do the same first.
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
        }
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByEmailAsync(email) is not null)
        {
            return;
        }
        var created = await scope.ServiceProvider.GetRequiredService<UserAdministration>().CreateAsync(Actor.System, email, displayName: null, password, role);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", created.Problems.Select(p => p.Message)));
        }
    }
}
