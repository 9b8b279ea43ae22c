using CustomActivities.Core.Activities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomActivities.Core.ActivityTypes;

internal sealed class ActivityTypeConfiguration : IEntityTypeConfiguration<ActivityType>
{
    public void Configure(EntityTypeBuilder<ActivityType> builder)
    {
        builder.ToTable("ActivityTypes");
        builder.Property(t => t.ApiName).HasMaxLength(255).UseCollation("NOCASE");
        builder.HasIndex(t => t.ApiName).IsUnique();
        builder.Property(t => t.ConcurrencyStamp).IsConcurrencyToken();
        builder.Property(t => t.CreatedBy).HasMaxLength(256);
        builder.Property(t => t.UpdatedBy).HasMaxLength(256);
        builder.Property(t => t.DraftEditedBy).HasMaxLength(256);
        builder.HasMany(t => t.Versions).WithOne().HasForeignKey(v => v.ActivityTypeId).OnDelete(DeleteBehavior.Cascade);
        // Standard types (Marketo's ids below 100001) are rows too, hidden from every custom-type query: see StandardActivityTypes.
        builder.HasQueryFilter(t => t.Id >= StandardActivityTypes.FirstCustomId);
    }
}

internal sealed class ActivityTypeVersionConfiguration : IEntityTypeConfiguration<ActivityTypeVersion>
{
    public void Configure(EntityTypeBuilder<ActivityTypeVersion> builder)
    {
        builder.ToTable("ActivityTypeVersions");
        builder.HasIndex(v => new { v.ActivityTypeId, v.Number }).IsUnique();
        builder.Property(v => v.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(v => v.DisplayName).HasMaxLength(255);
        builder.Property(v => v.Description).HasMaxLength(2000);
        builder.Property(v => v.TriggerName).HasMaxLength(255);
        builder.Property(v => v.FilterName).HasMaxLength(255);
        builder.Property(v => v.CreatedBy).HasMaxLength(256);
        builder.Property(v => v.ApprovedBy).HasMaxLength(256);
        builder.HasMany(v => v.Fields).WithOne().HasForeignKey(f => f.VersionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(v => v.Fields).AutoInclude();
        builder.Ignore(v => v.PrimaryField);
        builder.Ignore(v => v.SecondaryFields);
    }
}

internal sealed class ActivityFieldConfiguration : IEntityTypeConfiguration<ActivityField>
{
    public void Configure(EntityTypeBuilder<ActivityField> builder)
    {
        builder.ToTable("ActivityFields");
        builder.Property(f => f.ApiName).HasMaxLength(255);
        builder.Property(f => f.DisplayName).HasMaxLength(255);
        builder.Property(f => f.Description).HasMaxLength(2000);
        builder.Property(f => f.DataType).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(f => new { f.VersionId, f.ApiName }).IsUnique();
    }
}
