using CustomActivities.Core.Auditing;
using CustomActivities.Core.Results;

namespace CustomActivities.Core.ActivityTypes;

/// <summary>
/// Whether a person may do each action on this type, and why not. The actions themselves (<see cref="Approve"/>,
/// <see cref="DiscardDraft"/>...) ask these first, so a page that greys out a button says exactly what the action would say.
/// An empty list means allowed.
/// </summary>
public partial class ActivityType
{
    public IReadOnlyList<Problem> CanEdit() => IsArchived
        ? [new("", ActivityTypeErrorCodes.Archived, "This type is archived. Restore it before editing.")]
        : [];

    public IReadOnlyList<Problem> CanApprove(Actor by, bool allowSelfApproval)
    {
        if (!by.IsAdmin)
        {
            return [new("", ActivityTypeErrorCodes.AdminOnly, "Only an admin can approve an activity type.")];
        }
        if (IsArchived)
        {
            return [new("", ActivityTypeErrorCodes.Archived, "This type is archived. Restore it before approving.")];
        }
        if (PendingDraft is null)
        {
            return [new("", ActivityTypeErrorCodes.NoDraft, "There is no draft waiting for approval.")];
        }
        if (ApprovalOptions.RefusesSelfApproval(allowSelfApproval, by, DraftEditedBy))
        {
            return [new("", ActivityTypeErrorCodes.SelfApproval, "You last edited this draft, so another admin must approve it.")];
        }
        return [];
    }

    public IReadOnlyList<Problem> CanDiscardDraft(Actor by)
    {
        if (PendingDraft is null)
        {
            return [new("", ActivityTypeErrorCodes.NoDraft, "There is no draft to discard.")];
        }
        if (!by.IsAdmin && !IsDraftEditedBy(by))
        {
            return [new("", ActivityTypeErrorCodes.AdminOrAuthorOnly, "Only an admin or the draft's author can discard it.")];
        }
        if (!WasApproved)
        {
            return [new("", ActivityTypeErrorCodes.NotApproved, "This type was never approved: delete it instead.")];
        }
        return [];
    }

    public IReadOnlyList<Problem> CanArchive(Actor by)
    {
        if (!by.IsAdmin)
        {
            return [new("", ActivityTypeErrorCodes.AdminOnly, "Only an admin can archive an activity type.")];
        }
        if (IsArchived)
        {
            return [new("", ActivityTypeErrorCodes.Archived, "This type is already archived.")];
        }
        if (!WasApproved)
        {
            return [new("", ActivityTypeErrorCodes.NotApproved, "This type was never approved: delete it instead.")];
        }
        return [];
    }

    public IReadOnlyList<Problem> CanRestore(Actor by)
    {
        if (!by.IsAdmin)
        {
            return [new("", ActivityTypeErrorCodes.AdminOnly, "Only an admin can restore an activity type.")];
        }
        if (!IsArchived)
        {
            return [new("", ActivityTypeErrorCodes.NotArchived, "This type is not archived.")];
        }
        return [];
    }

    /// <summary>Deleting is for types without activities: admins, or the author of a type that was never approved.</summary>
    public IReadOnlyList<Problem> CanDelete(Actor by, bool hasActivities)
    {
        if (hasActivities)
        {
            return [new("", ActivityTypeErrorCodes.HasActivities, "Activities were recorded with this type, so it cannot be deleted. Archive it instead.")];
        }
        if (!by.IsAdmin && (WasApproved || !string.Equals(CreatedBy, by.Label, StringComparison.OrdinalIgnoreCase)))
        {
            return [new("", ActivityTypeErrorCodes.AdminOnly, "Only an admin can delete this type.")];
        }
        return [];
    }

    /// <summary>A JSON Schema exists once a version was approved.</summary>
    public IReadOnlyList<Problem> CanDownloadSchema() => WasApproved
        ? []
        : [new("", ActivityTypeErrorCodes.NotApproved, "This type has no approved version yet, so it has no schema.")];

    /// <summary>Labels are compared ignoring case, as sign-in does.</summary>
    public bool IsDraftEditedBy(Actor by) => string.Equals(DraftEditedBy, by.Label, StringComparison.OrdinalIgnoreCase);

    /// <summary>Every action's answer for one person at once, as the detail page shows them.</summary>
    public ActivityTypePermissions PermissionsFor(Actor by, bool allowSelfApproval, bool hasActivities) => new(
        CanEdit(), CanApprove(by, allowSelfApproval), CanDiscardDraft(by),
        IsArchived ? CanRestore(by) : CanArchive(by), CanDelete(by, hasActivities), CanDownloadSchema());
}

/// <summary>What one person may do to one type; each list is empty when allowed, else says why not.</summary>
public sealed record ActivityTypePermissions(
    IReadOnlyList<Problem> Edit,
    IReadOnlyList<Problem> Approve,
    IReadOnlyList<Problem> Discard,
    IReadOnlyList<Problem> ArchiveOrRestore,
    IReadOnlyList<Problem> Delete,
    IReadOnlyList<Problem> DownloadSchema)
{
    /// <summary>Nothing allowed: what a page shows before it knows who is asking.</summary>
    public static ActivityTypePermissions None { get; } = Refused(new("", ActivityTypeErrorCodes.Forbidden, "Not allowed."));

    private static ActivityTypePermissions Refused(Problem reason) => new([reason], [reason], [reason], [reason], [reason], [reason]);
}
