using System.Globalization;
using System.Text;
using CustomActivities.Core.Activities;
using CustomActivities.Core.ActivityTypes;
using Microsoft.EntityFrameworkCore;

namespace CustomActivities.Core.Persistence;

public sealed record ScaleSeedOptions(
    int Persons = 1_000_000,
    long Activities = 10_000_000,
    int Seed = 42,
    int HotPersonActivities = 100_000,
    int BatchSize = 20_000)
{
    /// <summary>The newest activity; fixed so that the same seed gives the same database on any day.</summary>
    public DateTimeOffset Until { get; init; } = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    public TimeSpan Span { get; init; } = TimeSpan.FromDays(3 * 365);
}

public sealed record ScaleSeedProgress(string Phase, long Done, long Total);

public sealed record ScaleSeedResult(int HotPersonId, string HotPersonEmail, int Persons, long Activities, IReadOnlyList<string> TypeApiNames);

/// <summary>
/// Fills an empty database with many people and activities for the benchmarks, deterministically from a seed number.
/// The same seed gives the same rows on every database. People are inserted the fastest way their database knows
/// (<see cref="ScaleLoad"/>); activities go through <see cref="ActivityBulkWriter"/>, the write path of the API. The
/// first person holds the "hot" history. Secondary indexes are set aside while loading and rebuilt at the end (one
/// sort each instead of ten million random index inserts).
/// </summary>
public sealed class ScaleSeeder(IDbContextFactory<AppDbContext> contextFactory, ScaleLoad load, ActivityBulkWriter writer)
{

    private static readonly string[] FirstNames =
    [
        "Ada", "Alan", "Alice", "Amara", "Ana", "Anders", "Aria", "Ben", "Bianca", "Carlos", "Chen", "Chloe", "Dana", "David", "Diego", "Elena",
        "Emma", "Farah", "Felix", "Fatima", "Grace", "Hana", "Hugo", "Ines", "Ivan", "Jack", "Jana", "Jonas", "Julia", "Kai", "Karim", "Kenji",
        "Lara", "Leo", "Lina", "Lucas", "Maya", "Mateo", "Mia", "Nadia", "Noah", "Nora", "Omar", "Olga", "Paul", "Priya", "Quinn", "Rafael",
        "Rosa", "Sam", "Sara", "Sofia", "Tariq", "Theo", "Uma", "Victor", "Wei", "Yara", "Yusuf", "Zoe",
    ];

    private static readonly string[] LastNames =
    [
        "Adams", "Ahmed", "Andersen", "Bauer", "Brown", "Chen", "Costa", "Dubois", "Evans", "Fischer", "Garcia", "Gupta", "Hansen", "Hopper",
        "Ivanova", "Jensen", "Johnson", "Kim", "Kowalski", "Lee", "Lopez", "Lovelace", "Martin", "Meyer", "Moreau", "Nakamura", "Nguyen",
        "Novak", "Okafor", "Olsen", "Patel", "Perez", "Rossi", "Sato", "Schmidt", "Silva", "Smith", "Suzuki", "Tanaka", "Turing", "Wagner",
        "Wang", "Weber", "Williams", "Wong", "Yilmaz", "Zhang", "Ziegler",
    ];

    private static readonly string[] CompanyWords =
    [
        "Acme", "Apex", "Blue", "Bright", "Cedar", "Delta", "Echo", "Falcon", "Global", "Harbor", "Iron", "Jade", "Kite", "Lumen", "Maple",
        "Nova", "Orbit", "Pine", "Quartz", "River", "Summit", "Terra", "Union", "Vertex", "Willow", "Zenith",
    ];

    private static readonly string[] CompanySuffixes = ["Labs", "Systems", "Bank", "Foods", "Media", "Logistics", "Health", "Energy", "Works", "Partners"];
    private static readonly string[] Domains = ["example.com", "example.org", "mail.test", "corp.test", "inbox.test"];
    private static readonly string[] Webinars = ["Getting started", "Smart lists in depth", "API integrations 101", "Scaling your data model", "Quarterly roadmap", "Security basics"];

    public async Task<ScaleSeedResult> SeedAsync(ScaleSeedOptions options, IProgress<ScaleSeedProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (options.Persons < 1 || options.Activities < options.HotPersonActivities || options.HotPersonActivities < 0)
        {
            throw new ArgumentException("Need at least one person and no more hot-person activities than activities.");
        }
        await using (var context = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            var existing = await context.People.CountAsync(cancellationToken);
            if (existing > 0)
            {
                throw new InvalidOperationException($"The database already holds {existing:N0} people; seed into a new, empty database.");
            }
        }
        var types = await CreateTypesAsync(options, cancellationToken);
        var rebuildIndexes = await load.BeginAsync(options.Until - options.Span, options.Until, cancellationToken);
        try
        {
            var firstId = await load.InsertPeopleAsync(People(options), options.Persons, progress, cancellationToken);
            await InsertActivitiesAsync(options, firstId, types, progress, cancellationToken);
        }
        finally
        {
            await load.EndAsync(rebuildIndexes, progress, CancellationToken.None);
        }
        await using var read = await contextFactory.CreateDbContextAsync(cancellationToken);
        var hot = await read.People.OrderBy(p => p.Id).Select(p => new { p.Id, p.Email }).FirstAsync(cancellationToken);
        return new ScaleSeedResult(hot.Id, hot.Email, options.Persons, options.Activities, [.. types.Select(t => t.ApiName)]);
    }

    private sealed record SeedType(int Id, string ApiName, int LiveVersion);

    private async Task<List<SeedType>> CreateTypesAsync(ScaleSeedOptions options, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var at = options.Until - options.Span;
        var definitions = new[]
        {
            Type("webinarAttended", "Webinar attended", at,
                ("webinarName", "Webinar name", FieldDataType.String), ("minutesWatched", "Minutes watched", FieldDataType.Integer),
                ("askedQuestion", "Asked a question", FieldDataType.Boolean), ("recording", "Recording", FieldDataType.Link)),
            Type("chequeDeposited", "Cheque deposited", at,
                ("chequeNumber", "Cheque number", FieldDataType.String), ("amount", "Amount", FieldDataType.Currency),
                ("depositedOn", "Deposited on", FieldDataType.Date)),
            Type("supportTicketClosed", "Support ticket closed", at,
                ("subject", "Subject", FieldDataType.String), ("satisfaction", "Satisfaction (1-5)", FieldDataType.Integer),
                ("closedAt", "Closed at", FieldDataType.DateTime)),
        };
        var result = new List<SeedType>();
        foreach (var definition in definitions)
        {
            var existing = await context.ActivityTypes.FirstOrDefaultAsync(t => t.ApiName == definition.ApiName, cancellationToken);
            if (existing is null)
            {
                context.ActivityTypes.Add(definition);
                await context.SaveChangesAsync(cancellationToken);
                existing = definition;
            }
            result.Add(new SeedType(existing.Id, existing.ApiName, existing.LiveVersionNumber ?? 1));
        }
        return result;
    }

    private static ActivityType Type(string apiName, string displayName, DateTimeOffset at, params (string Api, string Label, FieldDataType Type)[] fields) => new()
    {
        ApiName = apiName,
        LiveVersionNumber = 1,
        Versions =
        [
            new ActivityTypeVersion
            {
                Number = 1,
                State = VersionState.Approved,
                DisplayName = displayName,
                TriggerName = displayName,
                FilterName = displayName,
                CreatedAt = at,
                CreatedBy = "seed",
                ApprovedAt = at,
                ApprovedBy = "seed",
                Fields = [.. fields.Select((f, i) => new ActivityField { ApiName = f.Api, DisplayName = f.Label, DataType = f.Type, IsPrimary = i == 0, Position = i })],
            },
        ],
    };

    private static IEnumerable<SeedPerson> People(ScaleSeedOptions options)
    {
        var random = new Random(options.Seed);
        var spanTicks = options.Span.Ticks;
        var start = (options.Until - options.Span).UtcTicks;
        for (var done = 0; done < options.Persons; done++)
        {
            var first = FirstNames[random.Next(FirstNames.Length)];
            var last = LastNames[random.Next(LastNames.Length)];
            var email = string.Create(CultureInfo.InvariantCulture,
                $"{first.ToLowerInvariant()}.{last.ToLowerInvariant()}{done}@{Domains[random.Next(Domains.Length)]}");
            var company = $"{CompanyWords[random.Next(CompanyWords.Length)]} {CompanySuffixes[random.Next(CompanySuffixes.Length)]}";
            yield return new SeedPerson(email, first, last, company, start + (long)(random.NextDouble() * spanTicks * 0.5));
        }
    }

    private async Task InsertActivitiesAsync(ScaleSeedOptions options, int firstId, List<SeedType> types, IProgress<ScaleSeedProgress>? progress, CancellationToken cancellationToken)
    {
        var random = new Random(options.Seed + 1);
        var batch = new List<NewActivity>(options.BatchSize + 1000);
        long written = 0;
        var start = (options.Until - options.Span).UtcTicks;
        var spanTicks = options.Span.Ticks;
        var others = options.Persons - 1;
        var rest = options.Activities - (others == 0 ? 0 : options.HotPersonActivities);
        var hot = others == 0 ? options.Activities : options.HotPersonActivities;
        // Persons in id order; each other person gets its share of the rest, the remainder spread one by one.
        var perPerson = others == 0 ? 0 : rest / others;
        var remainder = others == 0 ? 0 : rest % others;
        var times = new List<long>();

        async Task FlushAsync()
        {
            if (batch.Count == 0)
            {
                return;
            }
            await writer.WriteAsync(batch, cancellationToken);
            written += batch.Count;
            batch.Clear();
            progress?.Report(new ScaleSeedProgress("activities", written, options.Activities));
        }

        for (var index = 0; index < options.Persons; index++)
        {
            var count = index == 0 ? hot : perPerson + (index - 1 < remainder ? 1 : 0);
            times.Clear();
            for (var i = 0; i < count; i++)
            {
                times.Add(start + (long)(Math.Sqrt(random.NextDouble()) * spanTicks));
            }
            times.Sort();
            foreach (var ticks in times)
            {
                batch.Add(NewActivity(random, firstId + index, types, new DateTimeOffset(ticks, TimeSpan.Zero)));
                if (batch.Count >= options.BatchSize)
                {
                    await FlushAsync();
                }
            }
        }
        await FlushAsync();
    }

    private static NewActivity NewActivity(Random random, int personId, List<SeedType> types, DateTimeOffset at)
    {
        var pick = random.Next(10);
        var type = types[pick < 6 ? 0 : pick < 9 ? 1 : 2];
        var json = new StringBuilder(96);
        string primary;
        switch (type.ApiName)
        {
            case "webinarAttended":
                primary = Webinars[random.Next(Webinars.Length)];
                json.Append(CultureInfo.InvariantCulture, $$"""{"minutesWatched":{{random.Next(1, 90)}},"askedQuestion":{{(random.Next(4) == 0 ? "true" : "false")}},"recording":"https://videos.example.com/w/{{random.Next(1000)}}"}""");
                break;
            case "chequeDeposited":
                primary = "CHQ-" + random.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture);
                json.Append(CultureInfo.InvariantCulture, $$"""{"amount":{{random.Next(10, 500_000) / 100m}},"depositedOn":"{{at.UtcDateTime:yyyy-MM-dd}}"}""");
                break;
            default:
                primary = "Ticket #" + random.Next(10_000, 99_999).ToString(CultureInfo.InvariantCulture);
                json.Append(CultureInfo.InvariantCulture, $$"""{"satisfaction":{{random.Next(1, 6)}},"closedAt":"{{at.AddHours(random.Next(1, 48)).UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}}"}""");
                break;
        }
        return new NewActivity(personId, type.Id, type.LiveVersion, at, primary, json.ToString());
    }
}
