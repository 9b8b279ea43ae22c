using CustomActivities.Core.ApiClients;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomActivities.Core.Activities;

/// <summary>
/// The answer given to a call that carried an Idempotency-Key, stored in the same transaction as the activities it added,
/// so a retry gets the same answer and adds nothing.
/// </summary>
public class IdempotentCall
{
    public long Id { get; set; }
    public int ApiClientId { get; set; }
    public required string Key { get; set; }

    /// <summary>SHA-256 of the request body: the same key with a different body is refused.</summary>
    public required string RequestHash { get; set; }

    /// <summary>The "result" array of the first answer, as JSON.</summary>
    public required string Response { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class IdempotentCallConfiguration : IEntityTypeConfiguration<IdempotentCall>
{
    public void Configure(EntityTypeBuilder<IdempotentCall> builder)
    {
        builder.ToTable("IdempotentCalls");
        builder.Property(c => c.Key).HasMaxLength(255);
        builder.Property(c => c.RequestHash).HasMaxLength(64);
        builder.HasIndex(c => new { c.ApiClientId, c.Key }).IsUnique();
        builder.HasIndex(c => c.CreatedAt);
        builder.HasOne<ApiClient>().WithMany().HasForeignKey(c => c.ApiClientId).OnDelete(DeleteBehavior.Cascade);
    }
}
