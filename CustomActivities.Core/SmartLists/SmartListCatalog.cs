using CustomActivities.Core.Activities;
using CustomActivities.Core.ActivityTypes;
using CustomActivities.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomActivities.Core.SmartLists;

/// <summary>A field a filter can constrain, from the type's live version.</summary>
public sealed record FilterableField(string ApiName, string DisplayName, FieldDataType DataType, bool IsPrimary)
{
    public ValueKind Kind => ConstraintOperators.KindOf(DataType);
}

/// <summary>An activity type as a filter: named by its filter name, with the fields of its live version.</summary>
public sealed record FilterableType(int Id, string ApiName, string FilterName, string DisplayName, bool IsStandard, bool IsArchived,
    IReadOnlyList<FilterableField> Fields)
{
    public FilterableField? Field(string apiName) => Fields.FirstOrDefault(f => string.Equals(f.ApiName, apiName, StringComparison.Ordinal));
}

public sealed record FilterableList(int Id, string Name);

/// <summary>
/// What filters can refer to: approved types (standard and custom, archived ones only to read saved lists), static lists;
/// and the <see cref="ActivityFieldIndex"/>es the database holds now as today's fields call for them (the SQL names only
/// those; matched by definition, not name, since SQLite names ignore case and field names do not).
/// </summary>
public sealed record SmartListFilterOptions(IReadOnlyList<FilterableType> Types, IReadOnlyList<FilterableList> Lists,
    IReadOnlySet<ActivityFieldIndex>? FieldIndexes = null)
{
    /// <summary>The field's value-first index when the database holds it with today's definition, else null.</summary>
    public ActivityFieldIndex? IndexOf(FilterableType type, FilterableField field) => Held(ActivityFieldIndex.For(type.Id, field));

    /// <summary>The field's person-first index when the database holds it with today's definition, else null.</summary>
    public ActivityFieldIndex? ByPersonIndexOf(FilterableType type, FilterableField field) => Held(ActivityFieldIndex.ByPersonFor(type.Id, field));

    private ActivityFieldIndex? Held(ActivityFieldIndex? index) => index is not null && FieldIndexes?.Contains(index) == true ? index : null;

    public FilterableType? Type(int id) => Types.FirstOrDefault(t => t.Id == id);
    public FilterableList? List(int id) => Lists.FirstOrDefault(l => l.Id == id);

    /// <summary>The filters a builder offers: approved, not archived.</summary>
    public IEnumerable<FilterableType> Pickable => Types.Where(t => !t.IsArchived);
}

/// <summary>The person attributes a filter can constrain, with the data type that picks their operators.</summary>
public static class PersonAttributes
{
    public const string Email = "email";
    public const string EmailDomain = "emailDomain";
    public const string FirstName = "firstName";
    public const string LastName = "lastName";
    public const string Company = "company";
    public const string CreatedAt = "createdAt";

    public static readonly IReadOnlyList<FilterableField> All =
    [
        new(Email, "Email", FieldDataType.String, false),
        new(EmailDomain, "Email domain", FieldDataType.String, false),
        new(FirstName, "First name", FieldDataType.String, false),
        new(LastName, "Last name", FieldDataType.String, false),
        new(Company, "Company", FieldDataType.String, false),
        new(CreatedAt, "Created date", FieldDataType.DateTime, false),
    ];

    public static FilterableField? Find(string name) => All.FirstOrDefault(a => string.Equals(a.ApiName, name, StringComparison.Ordinal));
}

public sealed class SmartListCatalog(IDbContextFactory<AppDbContext> contextFactory, DatabaseEngine database, SmartListDialect dialect)
{
    public async Task<SmartListFilterOptions> LoadAsync(CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var types = await context.ActivityTypes.AsNoTracking().IgnoreQueryFilters()
            .Where(t => t.LiveVersionNumber != null)
            .Include(t => t.Versions.Where(v => v.State == VersionState.Approved)).ThenInclude(v => v.Fields)
            .ToListAsync(cancellationToken);
        var lists = await context.StaticLists.AsNoTracking().OrderBy(l => l.Name).Select(l => new FilterableList(l.Id, l.Name))
            .ToListAsync(cancellationToken);
        var filterable = types
            .Select(t => (Type: t, Live: t.LiveVersion))
            .Where(x => x.Live is not null)
            .Select(x => new FilterableType(x.Type.Id, x.Type.ApiName, x.Live!.FilterName, x.Live.DisplayName,
                StandardActivityTypes.IsStandard(x.Type.Id), x.Type.IsArchived,
                [.. x.Live.Fields.OrderBy(f => f.Position).Select(f => new FilterableField(f.ApiName, f.DisplayName, f.DataType, f.IsPrimary))]))
            .OrderBy(t => t.IsStandard).ThenBy(t => t.FilterName, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
        IReadOnlyDictionary<string, string> existing;
        await using (var connection = await database.OpenConnectionAsync(cancellationToken))
        {
            existing = await dialect.ExistingIndexesAsync(connection, cancellationToken);
        }
        // An index whose stored definition differs (a field changed kind and start-up has not caught up) is not named.
        var usable = filterable
            .SelectMany(t => t.Fields.SelectMany(f => ActivityFieldIndex.AllFor(t.Id, f)))
            .Where(i => existing.TryGetValue(dialect.IndexName(i), out var sql) && string.Equals(sql, dialect.Definition(i), StringComparison.Ordinal))
            .ToHashSet();
        return new SmartListFilterOptions(filterable, lists, usable);
    }
}
