using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomActivities.Core.ApiClients;

internal sealed class ApiClientConfiguration : IEntityTypeConfiguration<ApiClient>
{
    public void Configure(EntityTypeBuilder<ApiClient> builder)
    {
        builder.ToTable("ApiClients");
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.ClientId).HasMaxLength(64);
        builder.Property(c => c.SecretHash).HasMaxLength(128);
        builder.Property(c => c.CreatedBy).HasMaxLength(256);
        builder.Property(c => c.Permission).HasConversion<string>().HasMaxLength(32);
        builder.HasIndex(c => c.ClientId).IsUnique();
        builder.Ignore(c => c.IsRevoked);
    }
}

internal sealed class ApiClientUsageConfiguration : IEntityTypeConfiguration<ApiClientUsage>
{
    public void Configure(EntityTypeBuilder<ApiClientUsage> builder)
    {
        builder.ToTable("ApiClientUsage");
        builder.HasKey(u => new { u.ApiClientId, u.Day });
        builder.HasOne<ApiClient>().WithMany().HasForeignKey(u => u.ApiClientId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ApiAccessTokenConfiguration : IEntityTypeConfiguration<ApiAccessToken>
{
    public void Configure(EntityTypeBuilder<ApiAccessToken> builder)
    {
        builder.ToTable("ApiAccessTokens");
        builder.Property(t => t.TokenHash).HasMaxLength(128);
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.HasIndex(t => new { t.ApiClientId, t.ExpiresAt });
        builder.HasOne<ApiClient>().WithMany().HasForeignKey(t => t.ApiClientId).OnDelete(DeleteBehavior.Cascade);
    }
}
