using System.ComponentModel.DataAnnotations;

namespace CustomActivities.Core.Activities;

/// <summary>How long the answer to a call with an Idempotency-Key is kept for retries.</summary>
public sealed class IdempotencyOptions
{
    public const string Section = "Idempotency";

    /// <summary>A retry within this many hours gets the first answer; older answers are removed in the background.</summary>
    [Range(1, 8_760, ErrorMessage = "Idempotency:RetentionHours must be between {1} and {2} hours.")]
    public int RetentionHours { get; set; } = 24;

    /// <summary>Minutes between two removals of expired answers (and before a retry after a failed one).</summary>
    [Range(1, 1_440, ErrorMessage = "Idempotency:SweepIntervalMinutes must be between {1} and {2} minutes.")]
    public int SweepIntervalMinutes { get; set; } = 60;
}
