using CustomActivities.Core.Activities;
using CustomActivities.Core.SmartLists;
using CustomActivities.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CustomActivities.Tests.Unit.SmartLists;

/// <summary>Logic, "not", counts, windows, lists and standard activities on the fixture (see <see cref="SmartListFixture"/>).</summary>
public sealed class SmartListLogicTests(SmartListFixture fixture) : IClassFixture<SmartListFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // 1: a rust webinar (ann, bob); 2: works at Acme (ann, cat); 3: on the VIP list (ann, cat).
    private SmartListQuery Three(SmartListLogic logic, string? expression = null) => new(
    [
        SmartListFilter.Activity(fixture.Webinar, FieldConstraint.Of("webinarName", ConstraintOperator.Contains, "rust")),
        SmartListFilter.Attribute(PersonAttributes.Company, ConstraintOperator.Is, "Acme"),
        SmartListFilter.MemberOf(fixture.VipList),
    ], logic, expression);

    [Theory]
    [InlineData(SmartListLogic.All, null, "ann")]
    [InlineData(SmartListLogic.Any, null, "ann,bob,cat")]
    [InlineData(SmartListLogic.Advanced, "1 and not 2", "bob")]
    [InlineData(SmartListLogic.Advanced, "not 1 and not 2 and not 3", "dan,eve")]
    [InlineData(SmartListLogic.Advanced, "(1 or 2) and not (1 and 3)", "bob,cat")]
    [InlineData(SmartListLogic.Advanced, "NOT 3 OR 1", "ann,bob,dan,eve")]
    public async Task Filters_combine_by_all_any_or_an_expression(SmartListLogic logic, string? expression, string expected)
    {
        Assert.Equal(expected.Split(','), await fixture.MembersAsync(Three(logic, expression)));
    }

    [Theory]
    [InlineData(SmartListLogic.Any, null, 3)]
    [InlineData(SmartListLogic.Advanced, "1 and not 2", 1)]
    [InlineData(SmartListLogic.Advanced, "not 1 and not 2 and not 3", 2)]
    [InlineData(SmartListLogic.Advanced, "NOT 3 OR 1", 4)]
    public async Task A_count_over_everybody_split_into_id_ranges_counts_each_member_once(SmartListLogic logic, string? expression, int expected)
    {
        // Two ids per range over five people: every range boundary falls between members and non-members.
        await using var splitting = await new CoreTestHostBuilder().At(SmartListFixture.Now).SharingDatabaseWith(fixture.Host)
            .WithSetting("SmartLists:CountParallelism", "3").WithSetting("SmartLists:ParallelCountMinPeople", "1").BuildAsync();
        var query = Three(logic, expression);

        var split = await splitting.Get<SmartListEvaluator>().CountAsync(query, cancellationToken: Ct);
        var whole = await fixture.Host.Get<SmartListEvaluator>().CountAsync(query, cancellationToken: Ct);

        Assert.Equal(expected, split.Value);
        Assert.Equal(expected, whole.Value);
    }

    [Theory]
    [InlineData(TimesComparison.AtLeast, 3, "ann")]
    [InlineData(TimesComparison.AtLeast, 1, "ann,bob,cat,dan")]
    [InlineData(TimesComparison.Exactly, 1, "bob,cat,dan")]
    [InlineData(TimesComparison.Exactly, 0, "eve")]
    [InlineData(TimesComparison.AtMost, 1, "bob,cat,dan,eve")]
    [InlineData(TimesComparison.AtMost, 2, "bob,cat,dan,eve")]
    public async Task Minimum_exact_and_maximum_numbers_of_times(TimesComparison comparison, int count, string expected)
    {
        var query = new SmartListQuery([new SmartListFilter(SmartListFilterKind.Activity, fixture.Webinar, Times: new ActivityTimes(comparison, count))]);

        Assert.Equal(expected.Split(','), await fixture.MembersAsync(query));
    }

    public static TheoryData<ActivityWindow, string> Windows => new()
    {
        { ActivityWindow.Past(7), "cat,dan" },
        { ActivityWindow.Past(2, WindowUnit.Weeks), "bob,cat,dan" },
        // One month back from 2026-11-01 09:00 is 2026-10-01 09:00: ann's Oct 1 webinar at 08:00 is just outside.
        { ActivityWindow.Past(1, WindowUnit.Months), "bob,cat,dan" },
        { ActivityWindow.Dates(new DateOnly(2026, 9, 1), new DateOnly(2026, 10, 20)), "ann,bob" },
        { ActivityWindow.BeforeDate(new DateOnly(2026, 9, 1)), "ann" },
        { ActivityWindow.AfterDate(new DateOnly(2026, 10, 29)), "cat,dan" },
        { ActivityWindow.AfterDate(new DateOnly(2026, 10, 30)), "dan" },
    };

    [Theory]
    [MemberData(nameof(Windows))]
    public async Task The_date_of_activity_window(ActivityWindow window, string expected)
    {
        var query = new SmartListQuery([new SmartListFilter(SmartListFilterKind.Activity, fixture.Webinar, Window: window)]);

        Assert.Equal(expected.Split(','), await fixture.MembersAsync(query));
    }

    [Fact]
    public async Task A_window_between_dates_follows_the_time_zone()
    {
        // Cat's webinar is 2026-10-30 12:00 UTC, which is already Oct 31 at 01:00 in Kiritimati (UTC+14).
        var onOct30 = new SmartListQuery([new SmartListFilter(SmartListFilterKind.Activity, fixture.Webinar,
            Window: ActivityWindow.Dates(new DateOnly(2026, 10, 30), new DateOnly(2026, 10, 30)))]);

        Assert.Equal(["cat"], await fixture.MembersAsync(onOct30));
        Assert.Empty(await fixture.MembersAsync(onOct30, TimeZoneInfo.FindSystemTimeZoneById("Pacific/Kiritimati")));
    }

    [Fact]
    public async Task Not_means_did_not_do_it_within_the_window()
    {
        var notLastWeek = new SmartListQuery([new SmartListFilter(SmartListFilterKind.Activity, fixture.Webinar, Not: true, Window: ActivityWindow.Past(7))]);
        var neverRust = new SmartListQuery([new SmartListFilter(SmartListFilterKind.Activity, fixture.Webinar, Not: true,
            Constraints: [FieldConstraint.Of("webinarName", ConstraintOperator.Contains, "rust")])]);

        Assert.Equal(["ann", "bob", "eve"], await fixture.MembersAsync(notLastWeek));
        Assert.Equal(["cat", "dan", "eve"], await fixture.MembersAsync(neverRust));
    }

    [Fact]
    public async Task Static_list_membership_and_its_negation()
    {
        Assert.Equal(["ann", "cat"], await fixture.MembersAsync(new SmartListQuery([SmartListFilter.MemberOf(fixture.VipList)])));
        Assert.Equal(["bob", "dan", "eve"], await fixture.MembersAsync(new SmartListQuery([SmartListFilter.MemberOf(fixture.VipList) with { Not = true }])));
    }

    [Fact]
    public async Task Standard_activities_are_filters_on_their_ids()
    {
        var addedToVip = SmartListFilter.Activity(StandardActivityTypes.AddToList,
            FieldConstraint.Of("List ID", ConstraintOperator.Equal, fixture.VipList.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var removedFromAnyList = new SmartListFilter(SmartListFilterKind.Activity, StandardActivityTypes.RemoveFromList);

        Assert.Equal(["ann", "bob", "cat"], await fixture.MembersAsync(new SmartListQuery([addedToVip])));
        Assert.Equal(["ann", "cat"], await fixture.MembersAsync(new SmartListQuery([addedToVip, removedFromAnyList with { Not = true }])));
    }

    [Fact]
    public async Task Count_and_pages_agree_and_sort()
    {
        var evaluator = fixture.Host.Get<SmartListEvaluator>();
        var anyone = new SmartListQuery([SmartListFilter.Attribute(PersonAttributes.Email, ConstraintOperator.IsNotEmpty)]);

        var count = await evaluator.CountAsync(anyone, cancellationToken: Ct);
        var second = await evaluator.PageAsync(anyone, SmartListSort.Name, true, 2, 2, cancellationToken: Ct);

        Assert.Equal(5, count.Value);
        Assert.Equal(5, second.Value!.Count);
        Assert.Equal(["cat", "bob"], second.Value.Rows.Select(r => fixture.NameOf(r.Id)));
        var streamed = new List<string>();
        await foreach (var row in evaluator.StreamAsync(Three(SmartListLogic.Any), cancellationToken: Ct))
        {
            streamed.Add(fixture.NameOf(row.Id));
        }
        Assert.Equal(["ann", "bob", "cat"], streamed);
    }

    [Fact]
    public async Task A_page_trusts_the_count_the_builder_showed_while_the_page_agrees_with_it_and_counts_again_when_not()
    {
        var evaluator = fixture.Host.Get<SmartListEvaluator>();
        var anyOfThree = Three(SmartListLogic.Any);
        async Task<SmartListPage> PageAsync(int skip, int take, int? known) =>
            (await evaluator.PageAsync(anyOfThree, SmartListSort.Email, false, skip, take, knownCount: known, cancellationToken: Ct)).Value!;

        var counted = await PageAsync(0, 10, null);
        // A full page cannot tell a count of 10 from 3: the shown count stands, and no second count runs.
        var trusted = await PageAsync(0, 2, 10);
        // The page ran past the shown count (members arrived since), ended before it (members left), or the count put this
        // page past the end: each counts again.
        var grew = await PageAsync(0, 10, 1);
        var shrank = await PageAsync(0, 10, 6);
        var pastTheEnd = await PageAsync(2, 10, 2);
        var negative = await PageAsync(0, 10, -5);

        Assert.Equal(["ann", "bob", "cat"], counted.Rows.Select(r => fixture.NameOf(r.Id)));
        Assert.Equal(3, counted.Count);
        Assert.Equal(["ann", "bob"], trusted.Rows.Select(r => fixture.NameOf(r.Id)));
        Assert.Equal(10, trusted.Count);
        Assert.Equal((3, 3), (grew.Rows.Count, grew.Count));
        Assert.Equal((3, 3), (shrank.Rows.Count, shrank.Count));
        Assert.Equal(["cat"], pastTheEnd.Rows.Select(r => fixture.NameOf(r.Id)));
        Assert.Equal(3, pastTheEnd.Count);
        Assert.Equal((3, 3), (negative.Rows.Count, negative.Count));
    }

    /// <summary>
    /// A page read in sort order with every filter probed (what a list holding a good share of everybody gets), a page read
    /// so until its limit of people and then listed and sorted, and a page listed and sorted at once hold the same people
    /// in the same order, for every sort, both directions (NULL companies and last activities included) and any offset.
    /// </summary>
    [Fact]
    public async Task Pages_read_in_sort_order_capped_or_listed_and_sorted_hold_the_same_people_for_every_sort()
    {
        SmartListEvaluator With(int pageInSortOrderMaxPeople) => ActivatorUtilities.CreateInstance<SmartListEvaluator>(fixture.Host.Services,
            Options.Create(new SmartListOptions { PageInSortOrderMaxPeople = pageInSortOrderMaxPeople }));
        // Three people: enough to try sort order for a page of two among five people with three members, too few to fill it
        // when the members come last in the order (descending by email), so the capped reader gives up and lists them.
        var (inOrder, capped, sorted) = (With(10_000), With(3), With(0));
        var anyOfThree = Three(SmartListLogic.Any);

        foreach (var sort in Enum.GetValues<SmartListSort>())
        {
            foreach (var descending in new[] { false, true })
            {
                for (var skip = 0; skip <= 3; skip++)
                {
                    var expected = await IdsAsync(sorted, anyOfThree, sort, descending, skip);
                    Assert.Equal(expected, await IdsAsync(inOrder, anyOfThree, sort, descending, skip));
                    Assert.Equal(expected, await IdsAsync(capped, anyOfThree, sort, descending, skip));
                }
            }
        }
    }

    private static async Task<IReadOnlyList<int>> IdsAsync(SmartListEvaluator evaluator, SmartListQuery query, SmartListSort sort, bool descending, int skip)
    {
        var page = await evaluator.PageAsync(query, sort, descending, skip, 2, cancellationToken: Ct);
        Assert.True(page.Succeeded);
        return [.. page.Value!.Rows.Select(r => r.Id)];
    }

    [Fact]
    public async Task Why_names_the_activities_that_satisfied_each_filter_and_those_that_defeated_a_not_filter()
    {
        var query = new SmartListQuery(
        [
            SmartListFilter.Activity(fixture.Webinar, FieldConstraint.Of("seats", ConstraintOperator.GreaterOrEqual, "10")),
            new SmartListFilter(SmartListFilterKind.Activity, fixture.Webinar, Not: true, Window: ActivityWindow.Past(7)),
            SmartListFilter.MemberOf(fixture.VipList),
        ], SmartListLogic.Advanced, "1 and (2 or 3)");
        var evaluator = fixture.Host.Get<SmartListEvaluator>();

        var ann = (await evaluator.WhyAsync(query, fixture.People["ann"], cancellationToken: Ct)).Value!;
        var cat = (await evaluator.WhyAsync(query, fixture.People["cat"], cancellationToken: Ct)).Value!;

        Assert.True(ann.IsMember);
        Assert.Equal([true, true, true], ann.Filters.Select(f => f.Satisfied));
        Assert.Equal(3, ann.Filters[0].MatchingCount);
        Assert.Equal(new DateTimeOffset(2026, 10, 1, 8, 0, 0, TimeSpan.Zero), ann.Filters[0].Activities[0].OccurredAt);
        Assert.Contains(new KeyValuePair<string, string>("seats", "10"), ann.Filters[0].Activities[0].Fields);
        Assert.Empty(ann.Filters[1].Activities);

        Assert.False(cat.IsMember);
        Assert.Equal([false, false, true], cat.Filters.Select(f => f.Satisfied));
        Assert.Empty(cat.Filters[0].Activities);
        Assert.Equal("Cooking 101", Assert.Single(cat.Filters[1].Activities).PrimaryValue);
    }
}
