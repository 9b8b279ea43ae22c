using System.Globalization;
using CustomActivities.Core.Activities;
using CustomActivities.Core.ActivityTypes;
using CustomActivities.Core.People;
using CustomActivities.Core.SmartLists;
using CustomActivities.Tests.Builders;
using CustomActivities.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.EntityFrameworkCore;

namespace CustomActivities.Tests.Unit.SmartLists;

/// <summary>
/// The SQL evaluation agrees with a plain in-memory reading of the same rules, on random people, activities and lists.
/// FsCheck draws the scenario seeds (fixed, so a failure repeats); each seed builds one data set and one smart list.
/// </summary>
public sealed class SmartListPropertyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly string?[] Names = ["Rust", "rust intro", "Go", "", "a_b", null];
    private static readonly string?[] Companies = ["Acme", "acme", "Globex", null];
    private static readonly string[] TextValues = ["Rust", "rust intro", "Go", "a_b"];
    private static readonly string[] Dates = ["2026-10-01", "2026-10-15", "2026-10-31"];
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Act(int Person, DateTimeOffset At, string? Name, int? N, bool? Flag, string? Day);

    /// <param name="countInParts">
    /// Counts of lists that read everybody split into id ranges however few the people (the app splits from 100,000).
    /// </param>
    /// <param name="pageInSortOrder">
    /// Pages read in sort order with every filter probed per person (what a list of a few people among few gets), or the
    /// members listed and sorted (what a sparse list among a million gets).
    /// </param>
    [Theory]
    [InlineData(false, true)]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public async Task Sql_evaluation_matches_an_in_memory_evaluation_on_random_data_and_lists(bool countInParts, bool pageInSortOrder)
    {
        var builder = new CoreTestHostBuilder().At(Now);
        if (countInParts)
        {
            builder.WithSetting("SmartLists:CountParallelism", "3").WithSetting("SmartLists:ParallelCountMinPeople", "1");
        }
        if (!pageInSortOrder)
        {
            builder.WithSetting("SmartLists:PageInSortOrderMaxPeople", "0");
        }
        await using var host = await builder.BuildAsync();
        int typeId;
        await using (var context = host.NewContext())
        {
            var type = A.ActivityType.Named("webinarAttended", "Webinar attended").WithPrimary("name")
                .WithField("n", FieldDataType.Integer).WithField("flag", FieldDataType.Boolean).WithField("day", FieldDataType.Date).Build();
            context.Add(type);
            await context.SaveChangesAsync(Ct);
            typeId = type.Id;
        }
        // As start-up would: the numbers, flags and dates then go through their field indexes (lists and probes).
        await host.Get<ActivityFieldIndexes>().ReconcileAsync(Ct);
        var seeds = Gen.Choose(0, int.MaxValue).Sample(10, new Rnd(20261130UL), 40);

        foreach (var seed in seeds)
        {
            var random = new Random(seed);
            var (people, activities) = await SeedAsync(host, typeId, random);
            var query = RandomQuery(typeId, random);

            var sql = await host.Get<SmartListEvaluator>().PageAsync(query, SmartListSort.Email, false, 0, 500, cancellationToken: Ct);

            Assert.True(sql.Succeeded, $"seed {seed}: " + string.Join("; ", sql.Problems.Select(p => p.Message)));
            var expected = people.Where(p => Holds(query, p, activities)).Select(p => p.Id).Order().ToList();
            Assert.True(expected.SequenceEqual(sql.Value!.Rows.Select(r => r.Id).Order()),
                $"seed {seed}: {SmartListJson.Serialize(query)} expected [{string.Join(",", expected)}] got [{string.Join(",", sql.Value.Rows.Select(r => r.Id).Order())}]");
            Assert.True(expected.Count == sql.Value.Count, $"seed {seed}: {SmartListJson.Serialize(query)} counted {sql.Value.Count}, expected {expected.Count}");
        }
    }

    private static async Task<(List<Person> People, List<Act> Activities)> SeedAsync(CoreTestHost host, int typeId, Random random)
    {
        await using var context = host.NewContext();
        await context.Activities.ExecuteDeleteAsync(Ct);
        await context.People.ExecuteDeleteAsync(Ct);
        var people = Enumerable.Range(0, random.Next(1, 9))
            .Select(i => A.Person.WithEmail($"p{i}.{random.Next()}@example.com").AtCompany(Companies[random.Next(Companies.Length)]!).Build()).ToList();
        context.People.AddRange(people);
        await context.SaveChangesAsync(Ct);
        var activities = new List<Act>();
        foreach (var person in people)
        {
            for (var i = random.Next(0, 5); i > 0; i--)
            {
                activities.Add(new Act(person.Id, Now.AddDays(-random.Next(0, 40)).AddHours(-random.Next(0, 24)), Names[random.Next(Names.Length)],
                    random.Next(4) is var n && n == 0 ? null : n, random.Next(3) switch { 0 => null, 1 => true, _ => false },
                    random.Next(4) is var d && d == 3 ? null : Dates[d]));
            }
        }
        await host.Get<ActivityBulkWriter>().WriteAsync([.. activities.Select(a =>
        {
            var builder = An.Activity(a.Person, typeId).At(a.At).Primary(a.Name);
            if (a.N is { } n) builder.With("n", n);
            if (a.Flag is { } flag) builder.With("flag", flag);
            if (a.Day is { } day) builder.With("day", day);
            return builder.Build();
        })], Ct);
        return (people, activities);
    }

    private static SmartListQuery RandomQuery(int typeId, Random random)
    {
        var filters = Enumerable.Range(0, random.Next(1, 4)).Select(_ => RandomFilter(typeId, random)).ToList();
        var logic = (SmartListLogic)random.Next(3);
        return new SmartListQuery(filters, logic, logic == SmartListLogic.Advanced ? Expression(random, filters.Count, 2) : null);
    }

    private static string Expression(Random random, int count, int depth) => (depth == 0 ? 0 : random.Next(4)) switch
    {
        1 => $"({Expression(random, count, depth - 1)} and {Expression(random, count, depth - 1)})",
        2 => $"({Expression(random, count, depth - 1)} or {Expression(random, count, depth - 1)})",
        3 => $"not {Expression(random, count, depth - 1)}",
        _ => (random.Next(count) + 1).ToString(CultureInfo.InvariantCulture),
    };

    private static SmartListFilter RandomFilter(int typeId, Random random)
    {
        if (random.Next(4) == 0)
        {
            return random.Next(2) == 0
                ? SmartListFilter.Attribute(PersonAttributes.Company, ConstraintOperator.Is, "acme")
                : SmartListFilter.Attribute(PersonAttributes.Company, ConstraintOperator.IsEmpty) with { Not = random.Next(2) == 0 };
        }
        FieldConstraint[] constraints = random.Next(3) switch
        {
            0 => [],
            1 => [RandomConstraint(random)],
            _ => [RandomConstraint(random), RandomConstraint(random)],
        };
        return new SmartListFilter(SmartListFilterKind.Activity, typeId, Not: random.Next(4) == 0, Constraints: constraints,
            Window: random.Next(2) == 0 ? null : ActivityWindow.Past(random.Next(1, 40)),
            Times: random.Next(3) == 0 ? new ActivityTimes((TimesComparison)random.Next(3), random.Next(1, 3)) : null);
    }

    private static FieldConstraint RandomConstraint(Random random) => random.Next(4) switch
    {
        0 => ConstraintOperators.For(ValueKind.Text)[random.Next(7)] is var op && ConstraintOperators.ValueCount(op) == 0
            ? FieldConstraint.Of("name", op)
            : FieldConstraint.Of("name", op, TextValues[random.Next(TextValues.Length)], "rust"),
        1 => random.Next(2) == 0
            ? FieldConstraint.Of("n", ConstraintOperators.For(ValueKind.Number)[random.Next(6)], random.Next(4).ToString(CultureInfo.InvariantCulture))
            : FieldConstraint.Of("n", ConstraintOperator.Between, "1", "2"),
        2 => FieldConstraint.Of("flag", random.Next(2) == 0 ? ConstraintOperator.IsTrue : ConstraintOperator.IsFalse),
        _ => random.Next(2) == 0
            ? FieldConstraint.Of("day", ConstraintOperator.Before, Dates[random.Next(3)])
            : FieldConstraint.Of("day", ConstraintOperator.Between, "2026-10-01", "2026-10-15"),
    };

    private static bool Holds(SmartListQuery query, Person person, List<Act> activities)
    {
        var logic = SmartListValidator.ParseLogic(query, out _)!;
        return logic.Evaluate(number => FilterHolds(query.Filters[number - 1], person, activities));
    }

    private static bool FilterHolds(SmartListFilter filter, Person person, List<Act> activities)
    {
        bool holds;
        if (filter.Kind == SmartListFilterKind.PersonAttribute)
        {
            holds = TextHolds(filter.ConstraintList[0], person.Company);
        }
        else
        {
            var count = activities.Count(a => a.Person == person.Id
                && (filter.Window is not { } window || a.At >= Now.AddDays(-window.Amount))
                && filter.ConstraintList.All(c => ConstraintHolds(c, a)));
            var times = filter.Times ?? new ActivityTimes(TimesComparison.AtLeast, 1);
            holds = times.Comparison switch
            {
                TimesComparison.AtLeast => count >= times.Count,
                TimesComparison.Exactly => count == times.Count,
                _ => count <= times.Count,
            };
        }
        return holds != filter.Not;
    }

    private static bool ConstraintHolds(FieldConstraint constraint, Act activity) => constraint.Field switch
    {
        "name" => TextHolds(constraint, activity.Name),
        "n" => activity.N is { } n && constraint.Operator switch
        {
            ConstraintOperator.Equal => n == Number(constraint, 0),
            ConstraintOperator.NotEqual => n != Number(constraint, 0),
            ConstraintOperator.Less => n < Number(constraint, 0),
            ConstraintOperator.LessOrEqual => n <= Number(constraint, 0),
            ConstraintOperator.Greater => n > Number(constraint, 0),
            ConstraintOperator.GreaterOrEqual => n >= Number(constraint, 0),
            _ => n >= Number(constraint, 0) && n <= Number(constraint, 1),
        },
        "flag" => activity.Flag is { } flag && flag == (constraint.Operator == ConstraintOperator.IsTrue),
        _ => activity.Day is { } day && constraint.Operator switch
        {
            ConstraintOperator.Before => string.CompareOrdinal(day, constraint.Values[0]) < 0,
            _ => string.CompareOrdinal(day, constraint.Values[0]) >= 0 && string.CompareOrdinal(day, constraint.Values[1]) <= 0,
        },
    };

    private static double Number(FieldConstraint constraint, int index) => double.Parse(constraint.Values[index], CultureInfo.InvariantCulture);

    /// <summary>Text compares ignoring ASCII case (SQLite's NOCASE and LIKE); a missing value is empty.</summary>
    private static bool TextHolds(FieldConstraint constraint, string? stored)
    {
        var value = (stored ?? "").ToLowerInvariant();
        var values = constraint.Values.Select(v => v.ToLowerInvariant()).ToList();
        return constraint.Operator switch
        {
            ConstraintOperator.Is => values.Contains(value),
            ConstraintOperator.IsNot => !values.Contains(value),
            ConstraintOperator.Contains => values.Any(value.Contains),
            ConstraintOperator.StartsWith => values.Any(value.StartsWith),
            ConstraintOperator.EndsWith => values.Any(value.EndsWith),
            ConstraintOperator.IsEmpty => value.Length == 0,
            _ => value.Length > 0,
        };
    }
}
