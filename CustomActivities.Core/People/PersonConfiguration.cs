using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomActivities.Core.People;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("People");
        // NOCASE columns with NOCASE indexes let SQLite serve case-insensitive prefix searches from the index.
        builder.Property(p => p.Email).HasMaxLength(255).UseCollation("NOCASE");
        builder.Property(p => p.FirstName).HasMaxLength(255).UseCollation("NOCASE");
        builder.Property(p => p.LastName).HasMaxLength(255).UseCollation("NOCASE");
        builder.Property(p => p.Company).HasMaxLength(255).UseCollation("NOCASE");
        builder.Property(p => p.CreatedBy).HasMaxLength(256);
        builder.Property(p => p.UpdatedBy).HasMaxLength(256);
        builder.HasIndex(p => p.Email).IsUnique();
        builder.HasIndex(p => p.LastName);
        builder.HasIndex(p => p.FirstName);
        builder.HasIndex(p => p.Company);
        builder.HasIndex(p => p.CreatedAt);
        builder.HasIndex(p => p.LastActivityAt);
        builder.Ignore(p => p.FullName);
    }
}
