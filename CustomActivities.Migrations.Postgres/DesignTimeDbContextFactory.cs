using CustomActivities.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CustomActivities.Migrations.Postgres;

/// <summary>
/// Lets dotnet-ef build the PostgreSQL model without a server (adding a migration needs none):
/// <code>dotnet ef migrations add NAME --project CustomActivities.Migrations.Postgres --startup-project CustomActivities.Migrations.Postgres</code>
/// </summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AppDbContext>()
            .UseNpgsql("Host=localhost;Database=design_time", npgsql => npgsql.MigrationsAssembly(typeof(DesignTimeDbContextFactory).Assembly.GetName().Name))
            .Options);
}
