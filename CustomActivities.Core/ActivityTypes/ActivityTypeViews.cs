namespace CustomActivities.Core.ActivityTypes;

/// <summary>One row of the activity types list.</summary>
public sealed record ActivityTypeSummary(
    int Id,
    string ApiName,
    string DisplayName,
    ActivityTypeStatus Status,
    int FieldCount,
    long ActivityCount,
    DateTimeOffset UpdatedAt,
    string UpdatedBy,
    DateTimeOffset? DraftSince)
{
    /// <summary>The count stopped at the list's cap: the type holds at least that many activities.</summary>
    public bool ActivityCountIsCapped => ActivityCount >= ActivityCounts.ListCap;
}

public sealed record ActivityTypeListQuery(string? Search = null, ActivityTypeStatus? Status = null);

public enum ActivityTypeSort
{
    DisplayName,
    ApiName,
    Status,
    FieldCount,
    ActivityCount,
    UpdatedAt,
}

/// <summary>A page of the list: search and status filter as in <see cref="ActivityTypeListQuery"/>, then sorting and paging.</summary>
public sealed record ActivityTypePageQuery(
    string? Search = null,
    ActivityTypeStatus? Status = null,
    ActivityTypeSort SortBy = ActivityTypeSort.DisplayName,
    bool Descending = false,
    int Skip = 0,
    int Take = 25);

public sealed record ActivityTypePage(IReadOnlyList<ActivityTypeSummary> Items, int TotalCount);

/// <summary>A type with its live version and its pending draft, as the detail and approval pages show it.</summary>
public sealed record ActivityTypeDetail(
    int Id,
    string ApiName,
    ActivityTypeStatus Status,
    int ConcurrencyStamp,
    VersionView? Live,
    VersionView? Draft,
    string? DraftEditedBy,
    long ActivityCount,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset UpdatedAt,
    string UpdatedBy)
{
    /// <summary>The draft of a never-approved type, else the live version.</summary>
    public VersionView Current => Live ?? Draft!;
    public string DisplayName => Current.DisplayName;
}

public sealed record VersionView(
    int Number,
    VersionState State,
    string DisplayName,
    string? Description,
    string TriggerName,
    string FilterName,
    FieldView PrimaryField,
    IReadOnlyList<FieldView> Fields,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? ApprovedAt,
    string? ApprovedBy)
{
    public IEnumerable<FieldView> AllFields => Fields.Prepend(PrimaryField);

    /// <summary>The definition to start an edit from.</summary>
    public ActivityTypeDefinition ToDefinition(string apiName) => new(
        apiName, DisplayName, Description, TriggerName, FilterName,
        PrimaryField.ToDefinition(), [.. Fields.Select(f => f.ToDefinition())]);

    internal static VersionView From(ActivityTypeVersion version) => new(
        version.Number, version.State, version.DisplayName, version.Description, version.TriggerName, version.FilterName,
        FieldView.From(version.PrimaryField), [.. version.SecondaryFields.Select(FieldView.From)],
        version.CreatedAt, version.CreatedBy, version.ApprovedAt, version.ApprovedBy);
}

public sealed record FieldView(string ApiName, string DisplayName, string? Description, FieldDataType DataType)
{
    public FieldDefinition ToDefinition() => new(ApiName, DisplayName, Description, DataType);

    internal static FieldView From(ActivityField field) => new(field.ApiName, field.DisplayName, field.Description, field.DataType);
}

/// <summary>A type as one person sees it: its detail and what they may do to it, both from the same load.</summary>
public sealed record ActivityTypeDetailFor(ActivityTypeDetail Type, ActivityTypePermissions Can);
