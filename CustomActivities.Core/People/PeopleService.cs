using CustomActivities.Core.Activities;
using CustomActivities.Core.Auditing;
using CustomActivities.Core.Persistence;
using CustomActivities.Core.Results;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace CustomActivities.Core.People;

/// <summary>Activities of one type recorded for a person, labelled with the type's live name.</summary>
public sealed record ActivityTypeCount(int ActivityTypeId, string DisplayName, int Count);

/// <summary>
/// Finds, creates and edits people. Every query is served by an index on a case-insensitive column: prefix searches
/// are range seeks (on SQLite <c>Email &gt;= 'ab' AND Email &lt; 'ac'</c>, see <see cref="SqlDialect.StartsWithIgnoringCase"/>)
/// instead of scans of a million rows.
/// </summary>
public sealed class PeopleService(IDbContextFactory<AppDbContext> contextFactory, AuditLog auditLog, ICurrentActor currentActor, TimeProvider timeProvider,
    SqlDialect dialect)
{
    /// <summary>The count stops this many pages past the requested one (at least <see cref="MinimumCountCap"/> rows).</summary>
    public const int CountPagesAhead = 10;
    public const int MinimumCountCap = 1000;

    public async Task<PeopleResult> SearchAsync(PeopleQuery query, CancellationToken cancellationToken = default)
    {
        var take = Math.Clamp(query.Take, 1, 500);
        var skip = Math.Max(0, query.Skip);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var people = Filter(context.People.AsNoTracking(), query.Search, query.Field);

        var cap = Math.Max(MinimumCountCap, skip + take * CountPagesAhead);
        var count = await people.Take(cap + 1).CountAsync(cancellationToken);

        var rows = await PageQuery(people, query with { Skip = skip, Take = take }).ToListAsync(cancellationToken);
        return new PeopleResult(rows, Math.Min(count, cap), count > cap);
    }

    /// <summary>The query plan of the page query (for the benchmark and the tests): the prefix search must use an index.</summary>
    public async Task<IReadOnlyList<string>> ExplainSearchAsync(PeopleQuery query, CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var people = Filter(context.People.AsNoTracking(), query.Search, query.Field);
        await using var command = PageQuery(people, query).CreateDbCommand();
        await context.Database.OpenConnectionAsync(cancellationToken);
        return await dialect.ExplainAsync(command, cancellationToken);
    }

    private IQueryable<PersonRow> PageQuery(IQueryable<Person> people, PeopleQuery query) =>
        Sort(people, query.Sort, query.Descending, SortedByFilterIndex(query))
            .Skip(query.Skip)
            .Take(query.Take)
            .Select(p => new PersonRow(p.Id, p.Email, p.FirstName, p.LastName, p.Company, p.CreatedAt, p.LastActivityAt));

    /// <summary>No search, or an email prefix sorted by email: one index both picks the rows and orders them.</summary>
    private static bool SortedByFilterIndex(PeopleQuery query) =>
        string.IsNullOrWhiteSpace(query.Search)
        || (query.Sort == PeopleSort.Email && IsEmailSearch(query.Search.Trim(), query.Field));

    private static bool IsEmailSearch(string term, PeopleSearchField field) =>
        field == PeopleSearchField.Email || (field == PeopleSearchField.Any && term.Contains('@'));

    private IQueryable<Person> Filter(IQueryable<Person> people, string? search, PeopleSearchField field)
    {
        var term = search?.Trim();
        if (string.IsNullOrEmpty(term))
        {
            return people;
        }
        if (IsEmailSearch(term, field))
        {
            return people.Where(Prefix(p => p.Email, term));
        }
        if (field == PeopleSearchField.Company)
        {
            return people.Where(Prefix(p => p.Company, term));
        }
        var space = term.IndexOf(' ');
        if (space > 0)
        {
            // "ada love": first name starts with "ada" and last name with "love".
            var fullName = people.Where(ColumnExpressions.And(Prefix(p => p.FirstName, term[..space]), Prefix(p => p.LastName, term[(space + 1)..].Trim())));
            return field == PeopleSearchField.Name
                ? fullName
                : fullName.Union(people.Where(Prefix(p => p.Company, term)));
        }
        if (field == PeopleSearchField.Name)
        {
            return people.Where(ColumnExpressions.Or(Prefix(p => p.FirstName, term), Prefix(p => p.LastName, term)));
        }
        return people.Where(ColumnExpressions.Or(
            Prefix(p => p.Email, term), Prefix(p => p.FirstName, term), Prefix(p => p.LastName, term), Prefix(p => p.Company, term)));
    }

    /// <summary>A case-insensitive prefix of a NOCASE column, as a seek on its index (see <see cref="SqlDialect.StartsWithIgnoringCase"/>).</summary>
    private Expression<Func<Person, bool>> Prefix(Expression<Func<Person, string?>> column, string prefix) =>
        ColumnExpressions.Over(column, dialect.StartsWithIgnoringCase(prefix));

    private IQueryable<Person> Sort(IQueryable<Person> people, PeopleSort sort, bool descending, bool sortedByFilterIndex)
    {
        var key = sortedByFilterIndex ? dialect.SortKeyIgnoringCase : dialect.SortKeyIgnoringCaseAfterFilter;
        Expression<Func<Person, string?>> SortKey(Expression<Func<Person, string?>> column) => ColumnExpressions.Over(column, key);
        return (sort, descending) switch
        {
        (PeopleSort.Name, false) => people.OrderBy(SortKey(p => p.LastName)).ThenBy(p => p.Id),
        (PeopleSort.Name, true) => people.OrderByDescending(SortKey(p => p.LastName)).ThenByDescending(p => p.Id),
        (PeopleSort.Created, false) => people.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id),
        (PeopleSort.Created, true) => people.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id),
        (PeopleSort.LastActivity, false) => people.OrderBy(p => p.LastActivityAt).ThenBy(p => p.Id),
        (PeopleSort.LastActivity, true) => people.OrderByDescending(p => p.LastActivityAt).ThenByDescending(p => p.Id),
        (_, true) => people.OrderByDescending(SortKey(p => p.Email)),
        _ => people.OrderBy(SortKey(p => p.Email)),
        };
    }

    public async Task<Person?> FindAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await context.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
    }

    /// <summary>How many activities of each type the person has, most frequent first.</summary>
    public async Task<IReadOnlyList<ActivityTypeCount>> CountActivitiesByTypeAsync(int personId, CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var counts = await context.Activities.AsNoTracking()
            .Where(a => a.PersonId == personId)
            .GroupBy(a => a.ActivityTypeId)
            .Select(g => new { TypeId = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var typeIds = counts.Select(c => c.TypeId).ToList();
        var names = await context.ActivityTypeVersions.AsNoTracking()
            .IgnoreAutoIncludes()
            .Where(v => typeIds.Contains(v.ActivityTypeId))
            .Select(v => new { v.ActivityTypeId, v.Number, v.DisplayName, v.State })
            .ToListAsync(cancellationToken);
        return [.. counts
            .Select(c => new ActivityTypeCount(c.TypeId, names
                .Where(n => n.ActivityTypeId == c.TypeId && n.State == ActivityTypes.VersionState.Approved)
                .OrderByDescending(n => n.Number)
                .Select(n => n.DisplayName)
                .FirstOrDefault() ?? $"#{c.TypeId}", c.Count))
            .OrderByDescending(c => c.Count)
            .ThenBy(c => c.DisplayName)];
    }

    public async Task<Result<int>> CreateAsync(PersonInput input, CancellationToken cancellationToken = default)
    {
        var errors = input.Validate();
        if (errors.Count > 0)
        {
            return Result.Failure<int>(errors);
        }
        var actor = await currentActor.GetAsync(cancellationToken);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var email = input.Email.Trim();
        if (await context.People.AnyAsync(p => p.Email == email, cancellationToken))
        {
            return Result.Failure<int>(PersonErrors.Taken(email));
        }
        var person = new Person { Email = email };
        Apply(person, input);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        context.People.Add(person);
        if (!await context.TrySaveUniqueAsync(cancellationToken))
        {
            return Result.Failure<int>(PersonErrors.Taken(email));
        }
        auditLog.Record(context, actor, AuditActions.PersonCreated, "Person", person.Id.ToString(), person.Email, null, Snapshot(person));
        context.Activities.Add(StandardActivities.NewLead(person, actor, timeProvider.GetUtcNow()));
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result.Succeed(person.Id);
    }

    public async Task<Result<int>> UpdateAsync(int id, PersonInput input, CancellationToken cancellationToken = default)
    {
        var errors = input.Validate();
        if (errors.Count > 0)
        {
            return Result.Failure<int>(errors);
        }
        var actor = await currentActor.GetAsync(cancellationToken);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var person = await context.People.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (person is null)
        {
            return Result.Failure<int>(PersonErrors.Missing(id));
        }
        var email = input.Email.Trim();
        if (await context.People.AnyAsync(p => p.Email == email && p.Id != id, cancellationToken))
        {
            return Result.Failure<int>(PersonErrors.Taken(email));
        }
        var before = Snapshot(person);
        var valuesBefore = ProfileValues.Of(person);
        person.Email = email;
        Apply(person, input);
        auditLog.Record(context, actor, AuditActions.PersonUpdated, "Person", person.Id.ToString(), person.Email, before, Snapshot(person));
        context.Activities.AddRange(StandardActivities.DataValueChanges(person.Id, valuesBefore, ProfileValues.Of(person), actor, timeProvider.GetUtcNow()));
        if (!await context.TrySaveUniqueAsync(cancellationToken))
        {
            return Result.Failure<int>(PersonErrors.Taken(email));
        }
        return Result.Succeed(person.Id);
    }

    private static void Apply(Person person, PersonInput input)
    {
        person.FirstName = PersonInput.Clean(input.FirstName);
        person.LastName = PersonInput.Clean(input.LastName);
        person.Company = PersonInput.Clean(input.Company);
    }

    private static object Snapshot(Person p) => new { p.Email, p.FirstName, p.LastName, p.Company };
}
