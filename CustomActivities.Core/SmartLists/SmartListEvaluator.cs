using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using CustomActivities.Core.People;
using CustomActivities.Core.Persistence;
using CustomActivities.Core.Results;
using Microsoft.Extensions.Options;

namespace CustomActivities.Core.SmartLists;

/// <summary>
/// Evaluates a smart list in SQL: the count, a page of people, every member (CSV) and "why is this person here" all come
/// from the one translation in <see cref="SmartListSql"/>, so they always agree.
/// </summary>
public sealed class SmartListEvaluator(DatabaseEngine database, SmartListDialect dialect, SqlDialect sqlDialect, SmartListCatalog catalog,
    TimeProvider timeProvider, IOptions<SmartListOptions> options)
{
    public const int WhyActivityLimit = 20;
    public const int MaxPageSize = 500;

    public async Task<Result<int>> CountAsync(SmartListQuery query, TimeZoneInfo? zone = null, CancellationToken cancellationToken = default)
    {
        var (sql, problems) = await TranslateAsync(query, zone, cancellationToken);
        if (sql is null)
        {
            return Result.Failure<int>(problems);
        }
        await using var connection = await OpenAsync(cancellationToken);
        var count = await CountMembersAsync(sql, connection, cancellationToken);
        return Result.Succeed(count);
    }

    /// <summary>
    /// A page of members with the list's count. <paramref name="knownCount"/> is the count the caller has just shown for
    /// the same query (the builder's live count): the page then costs no second count. Members come and go while it is
    /// shown (ingestion, a window that slides), so a page that contradicts it (it ends before or runs past where the count
    /// says, or the count says there is nothing at this page) counts again.
    /// </summary>
    public async Task<Result<SmartListPage>> PageAsync(SmartListQuery query, SmartListSort sort, bool descending, int skip, int take,
        TimeZoneInfo? zone = null, int? knownCount = null, CancellationToken cancellationToken = default)
    {
        var (sql, problems) = await TranslateAsync(query, zone, cancellationToken);
        if (sql is null)
        {
            return Result.Failure<SmartListPage>(problems);
        }
        (skip, take) = (Math.Max(0, skip), Math.Clamp(take, 1, MaxPageSize));
        await using var connection = await OpenAsync(cancellationToken);
        var counted = knownCount is not > 0 || knownCount <= skip;
        var count = counted ? await CountMembersAsync(sql, connection, cancellationToken) : knownCount!.Value;
        if (count <= skip)
        {
            return Result.Succeed(new SmartListPage([], count));
        }
        var rows = await ReadPageAsync(sql, connection, sort, descending, skip, take, count, cancellationToken);
        if (!counted && rows.Count != Math.Min(take, count - skip))
        {
            count = await CountMembersAsync(sql, connection, cancellationToken);
        }
        return Result.Succeed(new SmartListPage(rows, count));
    }

    /// <summary>
    /// Reads people in the sort's order, asking each whether the list holds them, when the count says the page's last
    /// member comes within <see cref="SmartListOptions.PageInSortOrderMaxPeople"/> people (members taken as spread evenly);
    /// if that many people did not fill the page (the members sit further down the order), or the list is sparse, lists
    /// the members and sorts them.
    /// </summary>
    private async Task<IReadOnlyList<PersonRow>> ReadPageAsync(SmartListSql sql, DbConnection connection, SmartListSort sort, bool descending,
        int skip, int take, int count, CancellationToken cancellationToken)
    {
        if (await ReadsInSortOrderAsync(connection, skip + (long)take, count, cancellationToken))
        {
            var page = await HintedAsync(sql, s => MembersInSortOrderAsync(connection, s, sort, descending, options.Value.PageInSortOrderMaxPeople,
                skip, take, cancellationToken));
            if (page is not null)
            {
                return page;
            }
        }
        return await HintedAsync(sql, async s =>
        {
            var read = new List<PersonRow>();
            await foreach (var row in ReadPeopleAsync(connection, s.Page(sort, descending, skip, take), cancellationToken))
            {
                read.Add(row);
            }
            return read;
        });
    }

    /// <summary>Whether the page's last member is expected within the people a page may read in sort order (members spread evenly).</summary>
    private async Task<bool> ReadsInSortOrderAsync(DbConnection connection, long rowsToReach, int count, CancellationToken cancellationToken)
    {
        var limit = options.Value.PageInSortOrderMaxPeople;
        return dialect.CheapPersonProbes && limit > 0 && count > 0 && await PersonIdSpanAsync(connection, cancellationToken) is { } people
            && rowsToReach * ((long)people.To - people.From + 1) / count <= limit;
    }

    /// <summary>
    /// The members <paramref name="skip"/> to <paramref name="skip"/> + <paramref name="take"/> among the people
    /// <see cref="SmartListSql.MembershipInSortOrder"/> reads in order (it stops reading as soon as the page is full), or
    /// null when it read its <paramref name="limit"/> of people first.
    /// </summary>
    private static async Task<IReadOnlyList<PersonRow>?> MembersInSortOrderAsync(DbConnection connection, SmartListSql sql, SmartListSort sort,
        bool descending, int limit, int skip, int take, CancellationToken cancellationToken)
    {
        var ids = new List<int>();
        var (read, members) = (0, 0);
        await using (var command = Prepare(connection, sql.MembershipInSortOrder(sort, descending, limit)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (ids.Count < take && await reader.ReadAsync(cancellationToken))
            {
                read++;
                if (Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture) == 1 && members++ >= skip)
                {
                    ids.Add(reader.GetInt32(0));
                }
            }
        }
        // A page not filled within the limit: unless everybody was read (fewer people than the limit), the rest of the
        // page lies further down the order.
        if (ids.Count < take && read >= limit)
        {
            return null;
        }
        var rows = new Dictionary<int, PersonRow>();
        if (ids.Count > 0)
        {
            await foreach (var row in ReadPeopleAsync(connection, sql.PeopleByIds(ids), cancellationToken))
            {
                rows[row.Id] = row;
            }
        }
        // A member removed between the two reads is left out of the page rather than failing it.
        return [.. ids.Where(rows.ContainsKey).Select(id => rows[id])];
    }

    /// <summary>Every member in id order, read as the caller consumes them (the CSV export streams this).</summary>
    public async IAsyncEnumerable<PersonRow> StreamAsync(SmartListQuery query, TimeZoneInfo? zone = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var (sql, _) = await TranslateAsync(query, zone, cancellationToken);
        if (sql is null)
        {
            yield break;
        }
        await using var connection = await OpenAsync(cancellationToken);
        await foreach (var row in ReadPeopleAsync(connection, sql.All(), cancellationToken))
        {
            yield return row;
        }
    }

    /// <summary>Every member's id in id order, read in full before the caller writes anything (a snapshot of the list now).</summary>
    public async Task<Result<IReadOnlyList<int>>> MemberIdsAsync(SmartListQuery query, TimeZoneInfo? zone = null, CancellationToken cancellationToken = default)
    {
        var (sql, problems) = await TranslateAsync(query, zone, cancellationToken);
        if (sql is null)
        {
            return Result.Failure<IReadOnlyList<int>>(problems);
        }
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Prepare(connection, sql.Ids());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new List<int>();
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetInt32(0));
        }
        return Result.Succeed<IReadOnlyList<int>>(ids);
    }

    public async Task<Result<SmartListWhy>> WhyAsync(SmartListQuery query, int personId, TimeZoneInfo? zone = null,
        CancellationToken cancellationToken = default)
    {
        var (sql, problems) = await TranslateAsync(query, zone, cancellationToken);
        if (sql is null)
        {
            return Result.Failure<SmartListWhy>(problems);
        }
        await using var connection = await OpenAsync(cancellationToken);
        var holds = new bool[query.Filters.Count + 1];
        await using (var command = Prepare(connection, sql.Why(personId)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return Result.Failure<SmartListWhy>(new Problem("", PersonErrors.NotFound, $"There is no person {personId}."));
            }
            for (var i = 0; i < holds.Length; i++)
            {
                // SQLite answers a condition with 1/0, PostgreSQL with a boolean.
                holds[i] = !reader.IsDBNull(i) && Convert.ToBoolean(reader.GetValue(i), CultureInfo.InvariantCulture);
            }
        }
        var filters = new List<WhyFilter>();
        for (var number = 1; number <= query.Filters.Count; number++)
        {
            var filter = query.Filters[number - 1];
            var activities = new List<WhyActivity>();
            var matching = 0;
            if (filter.Kind == SmartListFilterKind.Activity)
            {
                await using var command = Prepare(connection, sql.MatchingActivities(number, personId, WhyActivityLimit));
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    activities.Add(new WhyActivity(reader.GetInt64(0), new DateTimeOffset(reader.GetInt64(1), TimeSpan.Zero),
                        reader.IsDBNull(2) ? null : reader.GetString(2), Fields(reader.IsDBNull(3) ? null : reader.GetString(3))));
                    matching = Convert.ToInt32(reader.GetValue(4), CultureInfo.InvariantCulture);
                }
            }
            filters.Add(new WhyFilter(number, filter, holds[number - 1], activities, matching));
        }
        return Result.Succeed(new SmartListWhy(personId, holds[^1], filters));
    }

    /// <summary>
    /// A list that reads every person costs one pass over everybody, on one core: it is counted in id ranges instead, at
    /// the same time, each on a connection of its own, and the parts add up (<see cref="SmartListSql.ForPeople"/>).
    /// A list that a filter narrows reads few people and is counted at once.
    /// </summary>
    private async Task<int> CountMembersAsync(SmartListSql sql, DbConnection connection, CancellationToken cancellationToken)
    {
        var ranges = sql.ReadsEverybody && dialect.CountsInPersonRanges ? await SplitPeopleAsync(connection, cancellationToken) : [];
        if (ranges.Count < 2)
        {
            return await HintedAsync(sql, s => ScalarAsync(connection, s.Count(), cancellationToken));
        }
        // Task.Run: SQLite's "async" calls run synchronously, so the parts would otherwise follow one another.
        var counts = await Task.WhenAll(ranges.Select(range => Task.Run(async () =>
        {
            await using var own = await OpenAsync(cancellationToken);
            return await HintedAsync(sql.ForPeople(range), s => ScalarAsync(own, s.Count(), cancellationToken));
        }, cancellationToken)));
        return counts.Sum();
    }

    /// <summary>The person ids cut into <see cref="SmartListOptions.Parts"/> ranges of equal width, or none when they are few.</summary>
    private async Task<IReadOnlyList<PersonIdRange>> SplitPeopleAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.Parts < 2)
        {
            return [];
        }
        if (await PersonIdSpanAsync(connection, cancellationToken) is not { } people)
        {
            return [];
        }
        long first = people.From, span = (long)people.To - people.From + 1;
        if (span < settings.ParallelCountMinPeople)
        {
            return [];
        }
        var parts = (int)Math.Min(settings.Parts, span);
        return [.. Enumerable.Range(0, parts).Select(i => new PersonIdRange(
            (int)(first + span * i / parts), (int)(first + span * (i + 1) / parts - 1)))];
    }

    /// <summary>The lowest and highest person id (two seeks of the primary key), or null when there is nobody.</summary>
    private static async Task<PersonIdRange?> PersonIdSpanAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT MIN(\"Id\"), MAX(\"Id\") FROM \"People\"";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) && !reader.IsDBNull(0) ? new PersonIdRange(reader.GetInt32(0), reader.GetInt32(1)) : null;
    }

    /// <summary>The database's plan of the count or the first page (for the benchmark and the tests).</summary>
    public async Task<IReadOnlyList<string>> ExplainAsync(SmartListQuery query, bool page, CancellationToken cancellationToken = default)
    {
        var (sql, problems) = await TranslateAsync(query, null, cancellationToken);
        if (sql is null)
        {
            return [.. problems.Select(p => p.Message)];
        }
        await using var connection = await OpenAsync(cancellationToken);
        // The first page's plan is the one PageAsync tries first, from the count.
        var inSortOrder = page && await ReadsInSortOrderAsync(connection, 50, await CountMembersAsync(sql, connection, cancellationToken), cancellationToken);
        var command = !page ? sql.Count()
            : inSortOrder ? sql.MembershipInSortOrder(SmartListSort.Email, false, options.Value.PageInSortOrderMaxPeople)
            : sql.Page(SmartListSort.Email, false, 0, 50);
        await using var explain = Prepare(connection, command);
        return await sqlDialect.ExplainAsync(explain, cancellationToken);
    }

    /// <summary>The database's plan of "why" for one person: the row of every filter's answer, then the first filter's activities.</summary>
    public async Task<IReadOnlyList<string>> ExplainWhyAsync(SmartListQuery query, int personId, CancellationToken cancellationToken = default)
    {
        var (sql, problems) = await TranslateAsync(query, null, cancellationToken);
        if (sql is null)
        {
            return [.. problems.Select(p => p.Message)];
        }
        await using var connection = await OpenAsync(cancellationToken);
        var plan = new List<string>();
        await using (var answers = Prepare(connection, sql.Why(personId)))
        {
            plan.AddRange(await sqlDialect.ExplainAsync(answers, cancellationToken));
        }
        if (query.Filters.Count > 0 && query.Filters[0].Kind == SmartListFilterKind.Activity)
        {
            await using var activities = Prepare(connection, sql.MatchingActivities(1, personId, WhyActivityLimit));
            plan.Add("then filter 1's activities:");
            plan.AddRange(await sqlDialect.ExplainAsync(activities, cancellationToken));
        }
        return plan;
    }

    private async Task<(SmartListSql? Sql, IReadOnlyList<Problem> Problems)> TranslateAsync(SmartListQuery query, TimeZoneInfo? zone,
        CancellationToken cancellationToken)
    {
        var options = await catalog.LoadAsync(cancellationToken);
        var validation = SmartListValidator.Validate(query, options);
        if (!validation.IsValid)
        {
            return (null, validation.Problems);
        }
        var clock = new SmartListClock(timeProvider.GetUtcNow(), zone ?? TimeZoneInfo.Utc);
        return (new SmartListSql(query, validation.Logic!, options, clock, dialect), []);
    }

    /// <summary>
    /// Runs a query that names indexes; if the database lost one since the catalog was read (a type's new version dropped
    /// a field's index a moment ago), SQLite refuses the statement, and the same translation without names answers instead.
    /// </summary>
    private async Task<T> HintedAsync<T>(SmartListSql sql, Func<SmartListSql, Task<T>> run)
    {
        try
        {
            return await run(sql);
        }
        catch (Exception e) when (dialect.IsMissingIndex(e))
        {
            return await run(sql.WithoutIndexHints());
        }
    }

    /// <summary>A connection of its own for one evaluation, set up for smart list queries (on SQLite, temporary B-trees in memory).</summary>
    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await database.OpenConnectionAsync(cancellationToken);
        try
        {
            await dialect.PrepareAsync(connection, cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static DbCommand Prepare(DbConnection connection, SmartListCommand sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql.Text;
        foreach (var (name, value) in sql.Parameters)
        {
            command.AddParameter(name, value);
        }
        return command;
    }

    private static async Task<int> ScalarAsync(DbConnection connection, SmartListCommand sql, CancellationToken cancellationToken)
    {
        await using var command = Prepare(connection, sql);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static async IAsyncEnumerable<PersonRow> ReadPeopleAsync(DbConnection connection, SmartListCommand sql,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = Prepare(connection, sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new PersonRow(reader.GetInt32(0), reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), new DateTimeOffset(reader.GetInt64(5), TimeSpan.Zero),
                reader.IsDBNull(6) ? null : new DateTimeOffset(reader.GetInt64(6), TimeSpan.Zero));
        }
    }

    private static IReadOnlyList<KeyValuePair<string, string>> Fields(string? attributes)
    {
        if (string.IsNullOrEmpty(attributes))
        {
            return [];
        }
        try
        {
            using var document = JsonDocument.Parse(attributes);
            return [.. document.RootElement.EnumerateObject().Select(p => new KeyValuePair<string, string>(p.Name,
                p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() ?? "" : p.Value.GetRawText()))];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
