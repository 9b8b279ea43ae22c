using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomActivities.Core.SmartLists;

internal sealed class SmartListConfiguration : IEntityTypeConfiguration<SmartList>
{
    public void Configure(EntityTypeBuilder<SmartList> builder)
    {
        builder.ToTable("SmartLists");
        builder.Property(l => l.Name).HasMaxLength(SmartList.MaxNameLength).UseCollation("NOCASE");
        builder.Property(l => l.CreatedBy).HasMaxLength(256);
        builder.Property(l => l.UpdatedBy).HasMaxLength(256);
        // One name per list, whatever its case, so "Webinar fans" and "webinar fans" are not two lists.
        builder.HasIndex(l => l.Name).IsUnique();
    }
}
