using CustomActivities.Core.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomActivities.Core.Lists;

internal sealed class StaticListMemberConfiguration : IEntityTypeConfiguration<StaticListMember>
{
    public void Configure(EntityTypeBuilder<StaticListMember> builder)
    {
        builder.ToTable("StaticListMembers");
        // The key (ListId, PersonId) serves a list's members in person order (the members grid and the API's pages);
        // the second index serves "which lists is this person on" and the activities.json listId filter's join.
        builder.HasKey(m => new { m.ListId, m.PersonId });
        builder.HasIndex(m => new { m.PersonId, m.ListId });
        builder.HasOne<StaticList>().WithMany().HasForeignKey(m => m.ListId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
