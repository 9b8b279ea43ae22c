using CustomActivities.Core.Activities;
using CustomActivities.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomActivities.Core.ActivityTypes;

public sealed record ApiAttribute(string Name, string ApiName, string? Description, string DataType, bool IsPrimary);

/// <summary>A custom activity type as Marketo's "Custom Activities Metadata" endpoints describe it.</summary>
public sealed record ApiCustomActivityType(
    int Id,
    string Name,
    string ApiName,
    string? Description,
    string TriggerName,
    string FilterName,
    string Status,
    int Version,
    ApiAttribute? PrimaryAttribute,
    IReadOnlyList<ApiAttribute> Attributes,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>
/// The status of a custom activity type on the wire: Marketo's enum (draft, approved, deleted, approved with draft).
/// The app's pages word these their own way. Marketo has no archived state: an archived type takes no new activities, as a
/// deleted one, so it is reported as deleted (only describe.json still finds it).
/// </summary>
public static class ApiTypeStatus
{
    public const string Draft = "draft";
    public const string Approved = "approved";
    public const string ApprovedWithDraft = "approved with draft";
    public const string Deleted = "deleted";

    public static readonly IReadOnlyList<string> All = [Draft, Approved, Deleted, ApprovedWithDraft];
}

public sealed record ApiActivityTypeAttribute(string Name, string? ApiName, string DataType);

/// <summary>One entry of GET /rest/v1/activities/types.json.</summary>
public sealed record ApiActivityTypeSummary(int Id, string Name, string? ApiName, string? Description, ApiActivityTypeAttribute? PrimaryAttribute, IReadOnlyList<ApiActivityTypeAttribute> Attributes);

/// <summary>Reads activity types for the REST API (the write endpoints go through the activity type service).</summary>
public sealed class ActivityTypeApiQueries(IDbContextFactory<AppDbContext> contextFactory)
{
    /// <summary>Every non-archived type, described by its live version or, before its first approval, its draft.</summary>
    public async Task<IReadOnlyList<ApiCustomActivityType>> ListAsync(CancellationToken cancellationToken = default)
    {
        var types = await LoadAsync(null, cancellationToken);
        return [.. types.Where(t => !t.IsArchived).Select(t => Describe(t, draft: false)).OfType<ApiCustomActivityType>()];
    }

    /// <summary>The type's live version, or its pending draft when <paramref name="draft"/> is set; null when there is none.</summary>
    public async Task<ApiCustomActivityType?> DescribeAsync(string apiName, bool draft, CancellationToken cancellationToken = default)
    {
        var type = (await LoadAsync(apiName, cancellationToken)).SingleOrDefault();
        return type is null ? null : Describe(type, draft);
    }

    /// <summary>
    /// Every approved, non-archived type with its live version's fields: Marketo's standard types first (by id, without
    /// apiName, as Marketo lists them), then the custom ones.
    /// </summary>
    public async Task<IReadOnlyList<ApiActivityTypeSummary>> ListApprovedAsync(CancellationToken cancellationToken = default)
    {
        var types = await LoadAsync(null, cancellationToken, includeStandard: true);
        return [.. types.Where(t => !t.IsArchived && t.LiveVersionNumber is not null).Select(t =>
        {
            var version = t.Versions.Single(v => v.Number == t.LiveVersionNumber);
            var primary = version.Fields.SingleOrDefault(f => f.IsPrimary);
            var standard = StandardActivityTypes.IsStandard(t.Id);
            ApiActivityTypeAttribute Attribute(ActivityField f) => new(f.DisplayName, standard ? null : f.ApiName, FieldValueParser.WireName(f.DataType));
            return new ApiActivityTypeSummary(t.Id, version.DisplayName, standard ? null : t.ApiName, version.Description,
                primary is null ? null : Attribute(primary),
                [.. version.Fields.Where(f => !f.IsPrimary).OrderBy(f => f.Position).Select(Attribute)]);
        })];
    }

    private async Task<List<ActivityType>> LoadAsync(string? apiName, CancellationToken cancellationToken, bool includeStandard = false)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var types = includeStandard ? context.ActivityTypes.IgnoreQueryFilters() : context.ActivityTypes;
        var query = types.AsNoTracking().Include(t => t.Versions).AsSplitQuery();
        if (apiName is not null)
        {
            query = query.Where(t => t.ApiName == apiName);
        }
        return await query.OrderBy(t => t.Id).ToListAsync(cancellationToken);
    }

    private static ApiCustomActivityType? Describe(ActivityType type, bool draft)
    {
        var pending = type.Versions.Where(v => v.State == VersionState.Draft).MaxBy(v => v.Number);
        var live = type.LiveVersionNumber is { } number ? type.Versions.SingleOrDefault(v => v.Number == number) : null;
        var version = draft ? pending : live ?? pending;
        if (version is null)
        {
            return null;
        }
        var status = type.IsArchived ? ApiTypeStatus.Deleted
            : live is null ? ApiTypeStatus.Draft
            : pending is not null ? ApiTypeStatus.ApprovedWithDraft
            : ApiTypeStatus.Approved;
        var primary = version.Fields.SingleOrDefault(f => f.IsPrimary);
        return new ApiCustomActivityType(type.Id, version.DisplayName, type.ApiName, version.Description, version.TriggerName, version.FilterName,
            status, version.Number, primary is null ? null : Attribute(primary),
            [.. version.Fields.Where(f => !f.IsPrimary).OrderBy(f => f.Position).Select(Attribute)],
            type.CreatedAt, type.UpdatedAt);
    }

    private static ApiAttribute Attribute(ActivityField field) =>
        new(field.DisplayName, field.ApiName, field.Description, FieldValueParser.WireName(field.DataType), field.IsPrimary);
}
