using CustomActivities.Core.Auditing;
using CustomActivities.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using CustomActivities.Core.Results;

namespace CustomActivities.Core.ActivityTypes;

/// <summary>
/// Everything people (wizard, detail and approval pages) and integrations (REST API) do to activity types.
/// Each change runs in its own short-lived context, is refused with field-level errors rather than exceptions,
/// and writes its audit entry (before/after) in the same SaveChanges.
/// </summary>
public sealed partial class ActivityTypeService(
    IDbContextFactory<AppDbContext> contextFactory,
    AuditLog auditLog,
    TimeProvider timeProvider,
    IOptionsMonitor<ActivityTypeOptions> typeOptions,
    IOptionsMonitor<ApprovalOptions> approvalOptions)
{
    public const string AuditEntityType = "ActivityType";

    public static class Actions
    {
        public const string Created = "activity-type.created";
        public const string DraftUpdated = "activity-type.draft-updated";
        public const string Approved = "activity-type.approved";
        /// <summary>Approved by whoever last edited the draft (an API client, or anyone when Approvals:AllowSelfApproval is on).</summary>
        public const string ApprovedByAuthor = "activity-type.approved-by-author";
        public const string DraftDiscarded = "activity-type.draft-discarded";
        public const string Archived = "activity-type.archived";
        public const string Restored = "activity-type.restored";
        public const string Deleted = "activity-type.deleted";
    }

    /// <summary>Creates a new type as a draft waiting for approval.</summary>
    public async Task<Result<string>> CreateAsync(Actor actor, ActivityTypeDefinition definition, CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var errors = await ValidateAsync(context, definition, null, cancellationToken);
        if (errors.Count > 0)
        {
            return Result.Failure<string>(errors);
        }
        var max = typeOptions.CurrentValue.MaxActiveTypes;
        if (await context.ActivityTypes.CountAsync(t => !t.IsArchived, cancellationToken) >= max)
        {
            return Result.Failure<string>(TooManyActiveTypes(max));
        }

        var type = ActivityType.CreateDraft(definition, actor, timeProvider.GetUtcNow());
        context.ActivityTypes.Add(type);
        // The audit entry needs the new id: both writes share one transaction, so neither exists without the other.
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await context.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone created the same API name between the check and the insert (the unique index caught it).
            if (await ApiNameTakenAsync(definition.ApiName, cancellationToken))
            {
                return DuplicateApiName(definition.ApiName);
            }
            throw;
        }
        auditLog.Record(context, actor, Actions.Created, AuditEntityType, type.Id.ToString(), type.CurrentVersion.DisplayName, null, Snapshot(type));
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result.Succeed(type.ApiName);
    }

    /// <summary>
    /// Edits the pending draft (or starts one on an approved type). <paramref name="expectedStamp"/> is the
    /// <see cref="ActivityTypeDetail.ConcurrencyStamp"/> the editor started from; a later change by someone else is reported, never overwritten.
    /// </summary>
    public Task<Result<string>> UpdateDraftAsync(Actor actor, string apiName, ActivityTypeDefinition definition, int? expectedStamp,
        CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, apiName, expectedStamp, Actions.DraftUpdated,
            (context, type) => ApplyEditAsync(context, type, actor, definition, cancellationToken), cancellationToken);

    private async Task<IReadOnlyList<Problem>> ApplyEditAsync(AppDbContext context, ActivityType type, Actor actor,
        ActivityTypeDefinition definition, CancellationToken cancellationToken)
    {
        var errors = await ValidateAsync(context, definition, type, cancellationToken);
        return errors.Count > 0 ? errors : type.EditDraft(definition, actor, timeProvider.GetUtcNow());
    }

    public Task<Result<string>> ApproveAsync(Actor actor, string apiName, int? expectedStamp = null, CancellationToken cancellationToken = default) =>
        // Approving one's own draft (an integration, as Marketo allows) is told apart from a second person's approval in the audit log.
        ChangeAsync(actor, apiName, expectedStamp, type => type.IsDraftEditedBy(actor) ? Actions.ApprovedByAuthor : Actions.Approved, (_, type) =>
            Task.FromResult(type.Approve(actor, timeProvider.GetUtcNow(), approvalOptions.CurrentValue.AllowsSelfApprovalBy(actor))), cancellationToken);

    public Task<Result<string>> DiscardDraftAsync(Actor actor, string apiName, int? expectedStamp = null, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, apiName, expectedStamp, Actions.DraftDiscarded, (_, type) => Task.FromResult(type.DiscardDraft(actor)), cancellationToken);

    public Task<Result<string>> ArchiveAsync(Actor actor, string apiName, int? expectedStamp = null, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, apiName, expectedStamp, Actions.Archived, (_, type) => Task.FromResult(type.Archive(actor)), cancellationToken);

    public Task<Result<string>> RestoreAsync(Actor actor, string apiName, int? expectedStamp = null, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, apiName, expectedStamp, Actions.Restored, async (context, type) =>
        {
            var errors = type.Restore(actor);
            var max = typeOptions.CurrentValue.MaxActiveTypes;
            if (errors.Count == 0 && await context.ActivityTypes.CountAsync(t => !t.IsArchived, cancellationToken) >= max)
            {
                return [TooManyActiveTypes(max)];
            }
            return errors;
        }, cancellationToken);

    /// <summary>Deletes a type that has no activities; a type with activities can only be archived.</summary>
    public Task<Result<string>> DeleteAsync(Actor actor, string apiName, int? expectedStamp = null, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, apiName, expectedStamp, Actions.Deleted, async (context, type) =>
        {
            var hasActivities = await context.Activities.AnyAsync(a => a.ActivityTypeId == type.Id, cancellationToken);
            var errors = type.Delete(actor, hasActivities);
            if (errors.Count == 0)
            {
                context.ActivityTypes.Remove(type);
            }
            return errors;
        }, cancellationToken);

    private Task<Result<string>> ChangeAsync(Actor actor, string apiName, int? expectedStamp, string action,
        Func<AppDbContext, ActivityType, Task<IReadOnlyList<Problem>>> change, CancellationToken cancellationToken) =>
        ChangeAsync(actor, apiName, expectedStamp, _ => action, change, cancellationToken);

    /// <summary><paramref name="actionFor"/> names the audit action from the type as loaded, before the change.</summary>
    private async Task<Result<string>> ChangeAsync(Actor actor, string apiName, int? expectedStamp, Func<ActivityType, string> actionFor,
        Func<AppDbContext, ActivityType, Task<IReadOnlyList<Problem>>> change, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var type = await LoadAsync(context, apiName, cancellationToken);
        if (type is null)
        {
            return NotFound(apiName);
        }
        if (expectedStamp is { } stamp && stamp != type.ConcurrencyStamp)
        {
            return Conflict(type);
        }
        var loadedStamp = type.ConcurrencyStamp;
        var before = Snapshot(type);
        var displayName = type.CurrentVersion.DisplayName;
        var action = actionFor(type);
        var errors = await change(context, type);
        if (errors.Count > 0)
        {
            return Result.Failure<string>(errors);
        }
        var deleted = context.Entry(type).State == EntityState.Deleted;
        auditLog.Record(context, actor, action, AuditEntityType, type.Id.ToString(), deleted ? displayName : type.CurrentVersion.DisplayName,
            before, deleted ? null : Snapshot(type));
        try
        {
            await context.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A concurrency-token mismatch, or another writer's draft taking the same version number first.
            await using var fresh = await contextFactory.CreateDbContextAsync(cancellationToken);
            var current = await LoadAsync(fresh, apiName, cancellationToken);
            if (current is null)
            {
                return NotFound(apiName);
            }
            if (current.ConcurrencyStamp != loadedStamp)
            {
                return Conflict(current);
            }
            throw;
        }
        return Result.Succeed(type.ApiName);
    }

    private static Result<string> Conflict(ActivityType current) => Result.Failure<string>(new Problem("", ActivityTypeErrorCodes.Concurrency,
        $"This type was changed by {current.UpdatedBy} at {current.UpdatedAt:yyyy-MM-dd HH:mm:ss} UTC. Reload it to see the change, then try again.")
    {
        Arguments = [current.UpdatedBy],
    });

    private static Result<string> NotFound(string apiName) =>
        Result.Failure<string>(new Problem("apiName", ActivityTypeErrorCodes.NotFound, $"There is no activity type \"{apiName}\"."));

    private static Result<string> DuplicateApiName(string apiName) => Result.Failure<string>(ApiNameTaken(apiName));

    private static Problem TooManyActiveTypes(int max) =>
        new("", ActivityTypeErrorCodes.TooManyActiveTypes, $"There are already {max} active activity types, the limit. Archive or delete one first.") { Arguments = [max] };

    private async Task<bool> ApiNameTakenAsync(string apiName, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await context.ActivityTypes.AnyAsync(t => t.ApiName == apiName.Trim(), cancellationToken);
    }

    private static Task<ActivityType?> LoadAsync(AppDbContext context, string apiName, CancellationToken cancellationToken) =>
        context.ActivityTypes.Include(t => t.Versions).SingleOrDefaultAsync(t => t.ApiName == apiName, cancellationToken);

    /// <summary>What the audit log keeps before and after a change: status, live version number and the pending draft.</summary>
    private static object Snapshot(ActivityType type) => new
    {
        apiName = type.ApiName,
        status = type.Status.ToString(),
        liveVersion = type.LiveVersionNumber,
        draft = type.PendingDraft is { } draft ? VersionSnapshot(draft) : null,
        live = type.LiveVersion is { } live ? VersionSnapshot(live) : null,
    };

    private static object VersionSnapshot(ActivityTypeVersion version) => new
    {
        number = version.Number,
        displayName = version.DisplayName,
        description = version.Description,
        triggerName = version.TriggerName,
        filterName = version.FilterName,
        fields = version.Fields.OrderBy(f => f.Position).Select(f => new
        {
            apiName = f.ApiName,
            displayName = f.DisplayName,
            dataType = f.DataType.ToWire(),
            primary = f.IsPrimary,
        }),
    };
}
