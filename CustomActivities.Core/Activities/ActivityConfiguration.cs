using CustomActivities.Core.ActivityTypes;
using CustomActivities.Core.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomActivities.Core.Activities;

internal sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> builder)
    {
        builder.ToTable("Activities");
        builder.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ActivityType>().WithMany().HasForeignKey(a => a.ActivityTypeId).OnDelete(DeleteBehavior.Restrict);
        // The timeline reads one person's activities newest first; paging across all activities reads by time.
        builder.HasIndex(a => new { a.PersonId, a.OccurredAt, a.Id }).HasDatabaseName("IX_Activities_Person_Timeline");
        // One type of one person's timeline, and the profile's counts per type, without reading the table rows.
        builder.HasIndex(a => new { a.PersonId, a.ActivityTypeId, a.OccurredAt, a.Id }).HasDatabaseName("IX_Activities_Person_Type_Timeline");
        builder.HasIndex(a => new { a.OccurredAt, a.Id }).HasDatabaseName("IX_Activities_Time");
        // A type's activities in a window (a smart list's "in the past 30 days"), with the person, so that listing the
        // people who did it reads the index alone.
        builder.HasIndex(a => new { a.ActivityTypeId, a.OccurredAt, a.PersonId }).HasDatabaseName("IX_Activities_Type_Time");
    }
}
