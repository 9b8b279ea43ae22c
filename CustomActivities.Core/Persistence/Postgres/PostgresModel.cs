using CustomActivities.Core.Activities;
using CustomActivities.Core.ActivityTypes;
using Microsoft.EntityFrameworkCore;

namespace CustomActivities.Core.Persistence.Postgres;

/// <summary>Where the PostgreSQL schema differs from the SQLite one, on top of the shared entity configurations.</summary>
internal static class PostgresModel
{
    /// <summary>Marketo's custom activity type ids start at 100001, clear of its standard ids (seeded by the first migration).</summary>
    public const long FirstCustomTypeId = 100001;

    public static void Apply(ModelBuilder builder)
    {
        // SQLite's NOCASE columns (emails, names, list names) become citext: equality, uniqueness and order ignore case
        // as they do on SQLite, and the same LINQ queries keep their meaning. citext is a trusted extension, so a
        // database owner may create it.
        builder.HasPostgresExtension("citext");
        foreach (var property in builder.Model.GetEntityTypes().SelectMany(e => e.GetDeclaredProperties()))
        {
            if (property.GetCollation() == "NOCASE")
            {
                property.SetCollation(null);
                property.SetColumnType("citext");
            }
        }
        // Secondary field values are read field by field (smart lists, their expression indexes): jsonb parses once, on write.
        builder.Entity<Activity>().Property(a => a.Attributes).HasColumnType("jsonb");
        builder.Entity<ActivityType>().Property(t => t.Id).HasIdentityOptions(startValue: FirstCustomTypeId);
        // Activities is partitioned by month (a migration's SQL), and a partitioned table cannot have an identity column:
        // its ids come from a sequence, which the bulk writer also draws from before its COPY.
        builder.HasSequence<long>(PostgresActivityWriter.IdSequence);
        builder.Entity<Activity>().Property(a => a.Id).UseSequence(PostgresActivityWriter.IdSequence);
    }
}
