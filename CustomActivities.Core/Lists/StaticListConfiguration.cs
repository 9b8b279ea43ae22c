using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomActivities.Core.Lists;

internal sealed class StaticListConfiguration : IEntityTypeConfiguration<StaticList>
{
    public void Configure(EntityTypeBuilder<StaticList> builder)
    {
        builder.ToTable("StaticLists");
        builder.Property(l => l.Name).HasMaxLength(StaticList.MaxNameLength).UseCollation("NOCASE");
        builder.Property(l => l.Description).HasMaxLength(StaticList.MaxDescriptionLength);
        builder.Property(l => l.CreatedBy).HasMaxLength(256);
        builder.Property(l => l.UpdatedBy).HasMaxLength(256);
        // Marketo list names are unique in an instance; NOCASE so "Webinar" and "webinar" are one name.
        builder.HasIndex(l => l.Name).IsUnique();
    }
}
