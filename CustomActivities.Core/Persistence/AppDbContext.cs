using CustomActivities.Core.Activities;
using CustomActivities.Core.ActivityTypes;
using CustomActivities.Core.Auditing;
using CustomActivities.Core.Lists;
using CustomActivities.Core.People;
using CustomActivities.Core.SmartLists;
using CustomActivities.Core.Users;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using CustomActivities.Core.Persistence.Postgres;
using Microsoft.EntityFrameworkCore;

namespace CustomActivities.Core.Persistence;

/// <remarks>
/// Each provider has its own migrations; add a change to both, from the repository root:
/// <code>dotnet tool restore &amp;&amp; dotnet ef migrations add NAME --project CustomActivities.Core --startup-project CustomActivities.Core --output-dir Persistence/Migrations</code>
/// <code>dotnet ef migrations add NAME --project CustomActivities.Migrations.Postgres --startup-project CustomActivities.Migrations.Postgres</code>
/// Never edit a migration that has been applied anywhere: add a new one.
/// </remarks>
public class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    /// <summary>The Data Protection key ring (cookies, stored access tokens), shared by every node of the database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<ActivityType> ActivityTypes => Set<ActivityType>();
    public DbSet<ActivityTypeVersion> ActivityTypeVersions => Set<ActivityTypeVersion>();
    public DbSet<ActivityField> ActivityFields => Set<ActivityField>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<Activity> Activities => Set<Activity>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<StaticList> StaticLists => Set<StaticList>();
    public DbSet<StaticListMember> StaticListMembers => Set<StaticListMember>();
    public DbSet<SmartList> SmartLists => Set<SmartList>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        if (Database.IsNpgsql())
        {
            PostgresModel.Apply(builder);
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }
}
