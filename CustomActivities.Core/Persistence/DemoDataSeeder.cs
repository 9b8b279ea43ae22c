using System.Text.Json;
using CustomActivities.Core.Activities;
using CustomActivities.Core.ActivityTypes;
using CustomActivities.Core.Auditing;
using CustomActivities.Core.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CustomActivities.Core.Persistence;

/// <summary>
/// A few people, one approved custom activity type and some activities, so a newcomer sees a filled app.
/// Deterministic, and does nothing when the database already holds people.
/// </summary>
public sealed class DemoDataSeeder(IDbContextFactory<AppDbContext> contextFactory, TimeProvider timeProvider, AuditLog auditLog,
    ILogger<DemoDataSeeder> logger)
{
    private static readonly (string First, string Last, string Company)[] Names =
    [
        ("Ada", "Lovelace", "Analytical Engines"), ("Grace", "Hopper", "Compilers Inc"), ("Alan", "Turing", "Bletchley Labs"),
        ("Katherine", "Johnson", "Orbital Math"), ("Linus", "Torvalds", "Kernel Works"), ("Margaret", "Hamilton", "Apollo Software"),
        ("Edsger", "Dijkstra", "Shortest Path"), ("Barbara", "Liskov", "Substitution Co"), ("Donald", "Knuth", "TeX Press"),
        ("Frances", "Allen", "Optimizers Ltd"), ("Tim", "Berners-Lee", "Web Foundation"), ("Radia", "Perlman", "Spanning Trees"),
    ];

    private static readonly string[] Webinars =
    [
        "Getting started with custom activities", "Smart lists in depth", "API integrations 101", "Scaling your data model",
    ];

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (await context.People.AnyAsync(cancellationToken))
        {
            logger.LogInformation("Demo data skipped: the database already holds people");
            return;
        }

        var now = timeProvider.GetUtcNow();
        var people = Names.Select(n => new Person
        {
            Email = $"{n.First}.{n.Last}@example.com".ToLowerInvariant(),
            FirstName = n.First,
            LastName = n.Last,
            Company = n.Company,
        }).ToList();
        context.People.AddRange(people);

        var type = WebinarType(now);
        context.ActivityTypes.Add(type);
        await context.SaveChangesAsync(cancellationToken);

        var random = new Random(42);
        foreach (var person in people)
        {
            for (var i = 0; i < 6; i++)
            {
                var occurredAt = now.AddDays(-random.Next(0, 120)).AddMinutes(-random.Next(0, 1440));
                context.Activities.Add(new Activity
                {
                    PersonId = person.Id,
                    ActivityTypeId = type.Id,
                    TypeVersionNumber = 1,
                    OccurredAt = occurredAt,
                    RecordedAt = now,
                    PrimaryValue = Webinars[random.Next(Webinars.Length)],
                    Attributes = JsonSerializer.Serialize(new Dictionary<string, object>
                    {
                        ["minutesWatched"] = random.Next(5, 90),
                        ["askedQuestion"] = random.Next(2) == 1,
                    }),
                });
                if (person.LastActivityAt is null || occurredAt > person.LastActivityAt)
                {
                    person.LastActivityAt = occurredAt;
                }
            }
        }
        // History is never silent: the audit log says where the demo type and its activities came from.
        auditLog.Record(context, Actor.System, AuditActions.DemoDataSeeded, ActivityTypeService.AuditEntityType, type.Id.ToString(),
            type.CurrentVersion.DisplayName, null, new { people = people.Count, activities = people.Count * 6, type = type.ApiName });
        await context.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Demo data seeded: {People} people, one approved activity type, {Activities} activities", people.Count, people.Count * 6);
    }

    /// <summary>Built through the domain methods, so the demo type went through the same lifecycle as any other.</summary>
    private static ActivityType WebinarType(DateTimeOffset now)
    {
        var definition = new ActivityTypeDefinition(
            "webinarAttended", "Webinar attended", "A person attended one of our webinars.", "Attends Webinar", "Attended Webinar",
            new FieldDefinition("webinarName", "Webinar name", null, FieldDataType.String),
            [
                new FieldDefinition("minutesWatched", "Minutes watched", null, FieldDataType.Integer),
                new FieldDefinition("askedQuestion", "Asked a question", null, FieldDataType.Boolean),
            ]);
        var type = ActivityType.CreateDraft(definition, Actor.System, now);
        var refused = type.Approve(Actor.System, now, allowSelfApproval: true);
        if (refused.Count > 0)
        {
            throw new InvalidOperationException(refused[0].Message);
        }
        return type;
    }
}
