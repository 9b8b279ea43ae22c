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

    /// <summary>
    /// When true (the default, as Marketo, which has no four-eyes rule) a full-permission API client may approve a draft it
    /// edited itself, so an integration can create and approve its own types. People in the app keep the four-eyes rule.
    /// </summary>
    public bool ApiClientsMayApproveOwnDrafts { get; set; } = true;

    /// <summary>Whether <paramref name="approver"/> may approve a draft they last edited: the setting for people, or for API clients.</summary>
    public bool AllowsSelfApprovalBy(Actor approver) =>
        AllowSelfApproval || (ApiClientsMayApproveOwnDrafts && approver.Kind == ActorKind.ApiClient);

    /// <summary>True when <paramref name="admin"/> last edited the draft and must leave its approval to another admin.</summary>
    public bool RefusesSelfApproval(Actor admin, string? draftEditedBy) => RefusesSelfApproval(AllowsSelfApprovalBy(admin), admin, draftEditedBy);

    /// <summary>The rule itself, shared by <see cref="ActivityType.Approve"/> and the pages that grey out Approve.</summary>
    public static bool RefusesSelfApproval(bool allowSelfApproval, Actor admin, string? draftEditedBy) =>
        !allowSelfApproval && string.Equals(draftEditedBy, admin.Label, StringComparison.OrdinalIgnoreCase);
}
