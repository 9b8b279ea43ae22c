using System.ComponentModel.DataAnnotations;
using CustomActivities.Core.Auditing;

namespace CustomActivities.Core.ActivityTypes;

/// <summary>Limits on custom activity types, bound from the "ActivityTypes" settings section.</summary>
public sealed class ActivityTypeOptions
{
    public const string Section = "ActivityTypes";

    /// <summary>Secondary fields a type may have besides its primary field (Marketo: 20).</summary>
    [Range(0, 100, ErrorMessage = "ActivityTypes:MaxSecondaryFields must be between {1} and {2}.")]
    public int MaxSecondaryFields { get; set; } = 20;

    /// <summary>Types that are not archived (Marketo's default is 10; ours is 100).</summary>
    [Range(1, 100_000, ErrorMessage = "ActivityTypes:MaxActiveTypes must be between {1} and {2}.")]
    public int MaxActiveTypes { get; set; } = 100;
}

/// <summary>Who may approve what, bound from the "Approvals" settings section.</summary>
public sealed class ApprovalOptions
{
    public const string Section = "Approvals";

    /// <summary>When false (the default) an admin cannot approve a draft they last edited: two people see every change.</summary>
    public bool AllowSelfApproval { get; set; }

    /// <summary>True when <paramref name="admin"/> last edited the draft and must leave its approval to another admin.</summary>
    public bool RefusesSelfApproval(Actor admin, string? draftEditedBy) => RefusesSelfApproval(AllowSelfApproval, admin, draftEditedBy);

    /// <summary>The rule itself, shared by <see cref="ActivityType.Approve"/> and the pages that grey out Approve.</summary>
    public static bool RefusesSelfApproval(bool allowSelfApproval, Actor admin, string? draftEditedBy) =>
        !allowSelfApproval && string.Equals(draftEditedBy, admin.Label, StringComparison.OrdinalIgnoreCase);
}
