using CustomActivities.Core.Auditing;
using CustomActivities.Core.Results;

namespace CustomActivities.Core.ActivityTypes;

public enum ActivityTypeStatus
{
    Draft,
    Approved,
    ApprovedWithDraft,
    Archived,
}

/// <summary>
/// A custom activity type: a stable identity (id and API name) over a series of versions.
/// The latest approved version is live; at most one draft version waits for approval.
/// Its methods refuse what the lifecycle forbids and return the reasons instead of changing anything.
/// </summary>
public partial class ActivityType : IAuditableEntity
{
    public int Id { get; set; }
    public required string ApiName { get; set; }
    public bool IsArchived { get; set; }

    /// <summary>Number of the live (latest approved) version; null until first approved.</summary>
    public int? LiveVersionNumber { get; set; }

    /// <summary>Who last edited the pending draft, so an admin cannot approve their own change unless allowed.</summary>
    public string? DraftEditedBy { get; set; }

    /// <summary>Changed on every save; SQLite has no rowversion, so this is the optimistic concurrency token.</summary>
    public int ConcurrencyStamp { get; set; }

    public List<ActivityTypeVersion> Versions { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";

    public bool WasApproved => LiveVersionNumber is not null;
    public ActivityTypeVersion? LiveVersion => Versions.SingleOrDefault(v => v.Number == LiveVersionNumber && v.State == VersionState.Approved);
    public ActivityTypeVersion? PendingDraft => Versions.SingleOrDefault(v => v.State == VersionState.Draft);

    /// <summary>The version people see first: the pending draft of a never-approved type, else the live version.</summary>
    public ActivityTypeVersion CurrentVersion => LiveVersion ?? PendingDraft ?? Versions.OrderByDescending(v => v.Number).First();

    /// <summary>What an edit starts from: the pending draft, else the live version (as the wizard does).</summary>
    public ActivityTypeDefinition EditableDefinition =>
        VersionView.From(PendingDraft ?? LiveVersion ?? Versions.OrderByDescending(v => v.Number).First()).ToDefinition(ApiName);

    public ActivityTypeStatus Status =>
        IsArchived ? ActivityTypeStatus.Archived
        : !WasApproved ? ActivityTypeStatus.Draft
        : PendingDraft is null ? ActivityTypeStatus.Approved
        : ActivityTypeStatus.ApprovedWithDraft;

    /// <summary>A new type: version 1, a draft waiting for an admin.</summary>
    public static ActivityType CreateDraft(ActivityTypeDefinition definition, Actor by, DateTimeOffset at)
    {
        var type = new ActivityType
        {
            ApiName = definition.ApiName.Trim(),
            DraftEditedBy = by.Label,
            ConcurrencyStamp = 1,
            Versions = [ActivityTypeVersion.Draft(1, definition, by, at)],
        };
        type.Raise(new ActivityTypeDraftSubmitted(type.ApiName, 1));
        return type;
    }

    /// <summary>
    /// Edits the pending draft, or starts one when the type is approved without a draft. What is live never changes here.
    /// After the first approval the type's API name, its approved fields' API names and data types are fixed;
    /// the live primary field may only be swapped with a secondary field of the same data type.
    /// </summary>
    public IReadOnlyList<Problem> EditDraft(ActivityTypeDefinition definition, Actor by, DateTimeOffset at)
    {
        if (CanEdit() is { Count: > 0 } refused)
        {
            return refused;
        }
        var errors = ChangesAllowedAfterApproval(definition);
        if (errors.Count > 0)
        {
            return errors;
        }
        if (PendingDraft is { } draft)
        {
            draft.Apply(definition);
        }
        else
        {
            Versions.Add(ActivityTypeVersion.Draft(Versions.Max(v => v.Number) + 1, definition, by, at));
        }
        if (!WasApproved)
        {
            ApiName = definition.ApiName.Trim();
        }
        DraftEditedBy = by.Label;
        Touch();
        Raise(new ActivityTypeDraftSubmitted(ApiName, PendingDraft!.Number));
        return [];
    }

    /// <summary>The pending draft becomes the live version. Admins only, and never one's own draft unless allowed.</summary>
    public IReadOnlyList<Problem> Approve(Actor by, DateTimeOffset at, bool allowSelfApproval)
    {
        if (CanApprove(by, allowSelfApproval) is { Count: > 0 } refused)
        {
            return refused;
        }
        var draft = PendingDraft!;
        draft.State = VersionState.Approved;
        draft.ApprovedAt = at;
        draft.ApprovedBy = by.Label;
        LiveVersionNumber = draft.Number;
        DraftEditedBy = null;
        Touch();
        Raise(new ActivityTypeDraftApproved(ApiName, draft.Number));
        return [];
    }

    /// <summary>Throws away the pending draft (kept as a discarded version). Admins, or whoever edited the draft.</summary>
    public IReadOnlyList<Problem> DiscardDraft(Actor by)
    {
        if (CanDiscardDraft(by) is { Count: > 0 } refused)
        {
            return refused;
        }
        var draft = PendingDraft!;
        draft.State = VersionState.Discarded;
        DraftEditedBy = null;
        Touch();
        Raise(new ActivityTypeDraftDiscarded(ApiName, draft.Number));
        return [];
    }

    /// <summary>No new activities; history stays readable. Admins only.</summary>
    public IReadOnlyList<Problem> Archive(Actor by)
    {
        if (CanArchive(by) is { Count: > 0 } refused)
        {
            return refused;
        }
        IsArchived = true;
        Touch();
        Raise(new ActivityTypeArchived(ApiName));
        return [];
    }

    public IReadOnlyList<Problem> Restore(Actor by)
    {
        if (CanRestore(by) is { Count: > 0 } refused)
        {
            return refused;
        }
        IsArchived = false;
        Touch();
        Raise(new ActivityTypeRestored(ApiName));
        return [];
    }

    /// <summary>Checks <see cref="CanDelete"/> and, when allowed, announces the deletion; the caller removes the type from its context.</summary>
    public IReadOnlyList<Problem> Delete(Actor by, bool hasActivities)
    {
        var refused = CanDelete(by, hasActivities);
        if (refused.Count == 0)
        {
            Raise(new ActivityTypeDeleted(ApiName));
        }
        return refused;
    }

    /// <summary>What a draft may not change once the type has been approved.</summary>
    public IReadOnlyList<Problem> ChangesAllowedAfterApproval(ActivityTypeDefinition definition)
    {
        if (LiveVersion is not { } live)
        {
            return [];
        }
        var errors = new List<Problem>();
        if (!string.Equals(definition.ApiName?.Trim(), ApiName, StringComparison.Ordinal))
        {
            errors.Add(new("apiName", ActivityTypeErrorCodes.ApiNameImmutable, $"The API name \"{ApiName}\" cannot change after approval."));
        }
        var all = definition.AllFields.ToList();
        for (var i = 0; i < all.Count; i++)
        {
            var field = all[i];
            var path = ActivityTypeRules.FieldPath(i - 1);
            var approved = live.Fields.FirstOrDefault(f => string.Equals(f.ApiName, field.ApiName, StringComparison.OrdinalIgnoreCase));
            if (approved is null)
            {
                continue;
            }
            if (!string.Equals(approved.ApiName, field.ApiName, StringComparison.Ordinal))
            {
                errors.Add(new(path + ".apiName", ActivityTypeErrorCodes.FieldApiNameImmutable,
                    $"The approved field \"{approved.ApiName}\" keeps its API name. Remove it and add a new field instead."));
            }
            if (approved.DataType != field.DataType)
            {
                errors.Add(new(path + ".dataType", ActivityTypeErrorCodes.FieldDataTypeImmutable,
                    $"The approved field \"{approved.ApiName}\" keeps its data type ({approved.DataType.ToWire()}). Remove it and add a new field instead."));
            }
        }

        var livePrimary = live.PrimaryField;
        var newPrimary = definition.PrimaryField;
        if (!string.Equals(newPrimary.ApiName, livePrimary.ApiName, StringComparison.Ordinal))
        {
            var oldPrimaryKept = definition.Fields.Any(f => string.Equals(f.ApiName, livePrimary.ApiName, StringComparison.Ordinal));
            var swapsWithSecondary = live.SecondaryFields.Any(f => string.Equals(f.ApiName, newPrimary.ApiName, StringComparison.Ordinal))
                && newPrimary.DataType == livePrimary.DataType;
            if (!oldPrimaryKept)
            {
                errors.Add(new("primaryField", ActivityTypeErrorCodes.PrimaryFieldRemoved,
                    $"The primary field \"{livePrimary.ApiName}\" cannot be removed; it can only be swapped with a secondary field of the same data type."));
            }
            else if (!swapsWithSecondary)
            {
                errors.Add(new("primaryField", ActivityTypeErrorCodes.PrimarySwapInvalid,
                    $"The primary field can only be swapped with an approved secondary field of the same data type ({livePrimary.DataType.ToWire()})."));
            }
        }
        return errors;
    }

    private void Touch() => ConcurrencyStamp++;
}
