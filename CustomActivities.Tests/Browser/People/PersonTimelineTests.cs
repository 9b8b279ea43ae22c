using System.Globalization;
using System.Text.RegularExpressions;
using CustomActivities.Core.Activities;
using CustomActivities.Core.ActivityTypes;
using CustomActivities.Core.People;
using CustomActivities.Tests.Builders;
using CustomActivities.Tests.Support;
using Microsoft.Playwright;

namespace CustomActivities.Tests.Browser.People;

[Collection(BrowserCollection.Name)]
public sealed class PersonTimelineTests(BrowserFixture browser)
{
    // Noon UTC: the same calendar day in the browser's Europe/Paris.
    private static readonly DateTimeOffset Day0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_user_finds_a_person_by_email_prefix_opens_them_and_creates_and_edits_people_with_validation()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        await using var data = FixtureData.Open(browser.DatabasePath);
        var person = await data.AddPersonAsync(A.Person.WithEmail($"finder-{tag}@example.com").Named("Fiona", "Finder").AtCompany("Search Co").Build());
        var page = await browser.SignedInPageAsync();

        await page.OpenWhenReadyAsync("people");
        // Searching as one types; the address keeps the search, so a reload shows the same people.
        await page.ByTestId("people-search").PressSequentiallyAsync($"FINDER-{tag}");
        await Assertions.Expect(page.ByTestId("people-grid").Locator("tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.ByTestId("people-count")).ToHaveTextAsync("Matching people: 1");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"people\\?q=FINDER-{tag}$"));
        await BrowserFixture.ScreenshotAsync(page, "people-search");
        await page.ByTestId("people-grid").GetByText("Search Co").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/people/{person.Id}$"));
        await Assertions.Expect(page.ByTestId("person-name")).ToHaveTextAsync("Fiona Finder");

        // The shared address opens on the same search.
        await page.GotoAsync($"people?q=FINDER-{tag}");
        await Assertions.Expect(page.ByTestId("people-search")).ToHaveValueAsync($"FINDER-{tag}");
        await Assertions.Expect(page.ByTestId("people-count")).ToHaveTextAsync("Matching people: 1");

        // A new person: the email is checked, unique, and the page opens on save.
        await page.OpenWhenReadyAsync("people");
        await page.ByTestId("new-person").ClickAsync();
        await page.ByTestId("person-Email").FillAsync("not an email");
        await page.ByTestId("person-save").ClickAsync();
        await Assertions.Expect(page.Locator("#person-Email-error")).ToHaveTextAsync("Enter a valid email address, like name@example.com.");
        await page.ByTestId("person-Email").FillAsync($"Finder-{tag}@Example.com");
        await page.ByTestId("person-save").ClickAsync();
        await Assertions.Expect(page.Locator("#person-Email-error")).ToHaveTextAsync("Another person already has this email address.");
        await page.ByTestId("person-Email").FillAsync($"new-{tag}@example.com");
        await page.ByTestId("person-FirstName").FillAsync("Nova");
        await page.ByTestId("person-save").ClickAsync();
        await Assertions.Expect(page.ByTestId("person-email")).ToHaveTextAsync($"new-{tag}@example.com");

        await page.ByTestId("edit-person").ClickAsync();
        await page.ByTestId("person-LastName").FillAsync("Newman");
        await page.ByTestId("person-save").ClickAsync();
        await Assertions.Expect(page.ByTestId("person-name")).ToHaveTextAsync("Nova Newman");
    }

    [Fact]
    public async Task The_timeline_filters_by_type_and_dates_jumps_to_a_date_expands_entries_and_exports_the_filtered_rows()
    {
        var (person, webinar, cheque) = await SeedHistoryAsync();
        var page = await browser.SignedInPageAsync();

        await page.OpenWhenReadyAsync($"people/{person.Id}");
        var entries = page.ByTestId("timeline-entry");
        await Assertions.Expect(entries).ToHaveCountAsync(50);
        await Assertions.Expect(page.ByTestId("timeline-day").First).ToHaveAttributeAsync("data-day", "2026-03-01");
        await Assertions.Expect(entries.First.ByTestId("entry-primary")).ToHaveTextAsync("CHQ-59");
        await Assertions.Expect(page.ByTestId("type-counts")).ToContainTextAsync("Cheque deposited: 60");
        await Assertions.Expect(page.ByTestId("histogram-bar")).ToHaveCountAsync(60);

        // Expand an entry: every field with its label, values per data type, the safe link clickable.
        await entries.First.ByTestId("entry-toggle").ClickAsync();
        var fields = entries.First.ByTestId("entry-fields");
        await Assertions.Expect(fields).ToContainTextAsync("Amount");
        await Assertions.Expect(fields.ByTestId("field-amount")).ToHaveTextAsync("$1,059.50");
        await Assertions.Expect(fields.ByTestId("field-slip").Locator("a")).ToHaveAttributeAsync("href", "https://bank.example.com/slips/59");
        await Assertions.Expect(fields.ByTestId("field-slip").Locator("a")).ToHaveAttributeAsync("rel", "noopener noreferrer");
        await BrowserFixture.ScreenshotAsync(page, "person-timeline-expanded");

        // Only one type: the URL carries the filter, so a reload shows the same view.
        // Other tests in the shared database also define a "Cheque deposited": then the picker adds the API name.
        await page.ByTestId("include-types").Locator(".mud-input-control").ClickAsync();
        var chequeOption = page.Locator(".mud-popover-open .mud-list-item", new() { HasTextRegex = new Regex($@"^\s*Cheque deposited( \({cheque.ApiName}\))?\s*$") });
        await chequeOption.ClickAsync();
        await page.Keyboard.PressAsync("Escape");
        await ShowsAsync(page, $"types={cheque.Id}");
        await Assertions.Expect(page.ByTestId("entry-primary").First).ToHaveTextAsync("CHQ-59");
        await Assertions.Expect(page.Locator("[data-testid=timeline-entry] .type", new() { HasText = "Webinar" })).ToHaveCountAsync(0);
        await page.ReloadAsync(new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await BrowserFixture.WaitForInteractivityAsync(page);
        // The density strip loads once the page is interactive: after it, filter changes reach the server.
        await Assertions.Expect(page.ByTestId("histogram-bar")).ToHaveCountAsync(60);
        await Assertions.Expect(entries).ToHaveCountAsync(50);
        await Assertions.Expect(page.Locator("[data-testid=timeline-entry] .type", new() { HasText = "Webinar" })).ToHaveCountAsync(0);

        // A date range: three days of cheques.
        await PickDateAsync(page, "filter-from", new DateOnly(2026, 2, 1));
        await PickDateAsync(page, "filter-to", new DateOnly(2026, 1, 20));
        await Assertions.Expect(page.ByTestId("date-range-error")).ToContainTextAsync("\"From\" is after \"To\"");
        await Assertions.Expect(entries).ToHaveCountAsync(0);
        await PickDateAsync(page, "filter-to", new DateOnly(2026, 2, 3));
        await Assertions.Expect(page.ByTestId("date-range-error")).ToHaveCountAsync(0);
        await Assertions.Expect(entries).ToHaveCountAsync(3);
        await Assertions.Expect(page.ByTestId("entry-primary")).ToHaveTextAsync(["CHQ-33", "CHQ-32", "CHQ-31"]);

        // Export what is shown: the downloaded CSV holds exactly these rows.
        var download = await page.RunAndWaitForDownloadAsync(() => page.ByTestId("export-csv").ClickAsync());
        var csv = await File.ReadAllLinesAsync(await download.PathAsync(), TestContext.Current.CancellationToken);
        Assert.Equal("occurredAtUtc,occurredAtLocal,activityType,typeVersion,primaryField,primaryValue,activityId,amount,slip", csv[0]);
        Assert.Equal(["CHQ-33", "CHQ-32", "CHQ-31"], csv.Skip(1).Select(l => l.Split(',')[5]));
        Assert.StartsWith("2026-02-03T12:00:00.000Z,2026-02-03 13:00:00,Cheque deposited,1,Cheque number,CHQ-33,", csv[1]);
        Assert.EndsWith(",1033.5,https://bank.example.com/slips/33", csv[1]);

        // Jump to a date: the timeline starts at that day and can walk back to the newest.
        await page.ByTestId("clear-filters").ClickAsync();
        await PickDateAsync(page, "jump-to", new DateOnly(2026, 1, 15));
        await Assertions.Expect(page.ByTestId("timeline-day").First).ToHaveAttributeAsync("data-day", "2026-01-15");
        await Assertions.Expect(page.ByTestId("load-newer")).ToBeVisibleAsync();
        await page.ByTestId("load-newer").ClickAsync();
        await Assertions.Expect(page.ByTestId("timeline-day").First).ToHaveAttributeAsync("data-day", "2026-02-09");

        // The density strip: a click goes to that day.
        await page.Locator("[data-testid=histogram-bar][data-start='2026-01-10']").ClickAsync();
        await ShowsAsync(page, "at=2026-01-10");
        await Assertions.Expect(page.ByTestId("timeline-day").First).ToHaveAttributeAsync("data-day", "2026-01-10");
        await BrowserFixture.ScreenshotAsync(page, "person-timeline-histogram");
    }

    /// <summary>A filter change is done when the address has it and the timeline shows entries for it.</summary>
    private static async Task ShowsAsync(IPage page, string filter, float? timeout = null)
    {
        try
        {
            // Polled, not WaitForURL: the filters change the address in place (history API), and WaitForURL missed such a
            // change when it came between its first look at the address and the start of its wait for a navigation.
            await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(filter)), new() { Timeout = timeout });
            await Assertions.Expect(page.ByTestId("timeline")).ToHaveAttributeAsync("data-shown", new Regex(Regex.Escape(filter)), new() { Timeout = timeout });
        }
        catch (Exception e) when (e is TimeoutException or PlaywrightException)
        {
            // What the page showed when the change did not arrive, so a failure in CI says where it stopped.
            var name = $"timeline-filter-not-shown-{Guid.NewGuid():N}"[..36];
            await BrowserFixture.ScreenshotAsync(page, name);
            var state = await page.EvaluateAsync<string>("""
                () => JSON.stringify({
                    shown: document.querySelector('[data-testid=timeline]')?.getAttribute('data-shown'),
                    inputs: [...document.querySelectorAll('[data-testid=timeline-filters] input')].map(i => i.value),
                    openPopovers: document.querySelectorAll('.mud-popover-open').length })
                """);
            throw new TimeoutException($"Waited for \"{filter}\"; address {page.Url}; page {state}; screenshot {name}.png", e);
        }
    }

    private static readonly Dictionary<string, string> DateParameters = new() { ["filter-from"] = "from", ["filter-to"] = "to", ["jump-to"] = "at" };

    /// <summary>
    /// Picks a day in one of the timeline's date pickers as a person does (calendar, then its year and month views, then
    /// the day), and waits until the address and the timeline show it. One try: a change that does not arrive fails.
    /// </summary>
    private static async Task PickDateAsync(IPage page, string input, DateOnly date)
    {
        await page.Locator($"input[data-testid='{input}']").ClickAsync();
        var calendar = page.Locator(".mud-popover-open");
        // Day view, then month view, then year view: each header click waits for the view it opens, or a slow round
        // trip lets the second click land on the first view's header again.
        await calendar.Locator("button.mud-picker-calendar-header-transition").First.ClickAsync();
        await Assertions.Expect(calendar.Locator("button.mud-picker-month").First).ToBeVisibleAsync();
        await calendar.Locator("button.mud-picker-calendar-header-transition").First.ClickAsync();
        await calendar.Locator(".mud-picker-year", new() { HasTextRegex = new Regex($@"^\s*{date.Year}\s*$") }).ClickAsync();
        await calendar.Locator("button.mud-picker-month").Nth(date.Month - 1).ClickAsync();
        // The day view must show the chosen month before a day is clicked, or the click picks that day of another month.
        await Assertions.Expect(calendar.Locator("button.mud-picker-calendar-header-transition").First)
            .ToContainTextAsync(date.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en-US")));
        await calendar.Locator("button.mud-picker-calendar-day:not(.mud-hidden)", new() { HasTextRegex = new Regex($@"^\s*{date.Day}\s*$") }).ClickAsync();
        await ShowsAsync(page, $"{DateParameters[input]}={date:yyyy-MM-dd}");
    }

    [Fact]
    public async Task Thirty_date_changes_in_a_row_each_reach_the_address_and_the_list()
    {
        var (person, _, _) = await SeedHistoryAsync();
        var page = await browser.SignedInPageAsync();
        await page.OpenWhenReadyAsync($"people/{person.Id}");
        await Assertions.Expect(page.ByTestId("timeline-entry")).ToHaveCountAsync(50);

        // Alternately the end of the range (two days earlier each time) and its start (five days before the end): both
        // pickers take turns, and each change shows as the first or the last day listed.
        var to = new DateOnly(2026, 3, 2);
        for (var i = 0; i < 30; i++)
        {
            if (i % 2 == 0)
            {
                to = to.AddDays(-2);
                await PickDateAsync(page, "filter-to", to);
                await Assertions.Expect(page.ByTestId("timeline-day").First).ToHaveAttributeAsync("data-day", to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }
            else
            {
                var from = to.AddDays(-5);
                await PickDateAsync(page, "filter-from", from);
                await Assertions.Expect(page.ByTestId("timeline-day").Last).ToHaveAttributeAsync("data-day", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                await Assertions.Expect(page.ByTestId("timeline-entry")).ToHaveCountAsync(12);
            }
        }
        await Assertions.Expect(page.Locator("input[data-testid='filter-to']")).ToHaveValueAsync("1/31/2026");
    }

    [Fact]
    public async Task Activities_added_while_the_page_is_open_appear_behind_a_new_activities_pill()
    {
        var (person, webinar, _) = await SeedHistoryAsync(days: 3);
        var page = await browser.SignedInPageAsync();
        await page.OpenWhenReadyAsync($"people/{person.Id}");
        await Assertions.Expect(page.ByTestId("timeline-entry")).ToHaveCountAsync(6);
        await Assertions.Expect(page.ByTestId("new-activities")).ToHaveCountAsync(0);

        // As an integration sends them: the REST API, with a token of an API client.
        await using (var data = FixtureData.Open(browser.DatabasePath))
        {
            var client = await data.AddApiClientAsync($"live-{person.Id}");
            var token = await page.APIRequest.GetAsync(
                $"identity/oauth/token?grant_type=client_credentials&client_id={client.ClientId}&client_secret={client.Secret}");
            var accessToken = (await token.JsonAsync())!.Value.GetProperty("access_token").GetString();
            var response = await page.APIRequest.PostAsync("rest/v1/activities/external.json", new()
            {
                Headers = new Dictionary<string, string> { ["Authorization"] = $"Bearer {accessToken}" },
                DataObject = new
                {
                    input = new[]
                    {
                        new { leadId = person.Id, activityTypeId = webinar.Id, activityDate = DateTimeOffset.UtcNow, primaryAttributeValue = "Live webinar" },
                        new { leadId = person.Id, activityTypeId = webinar.Id, activityDate = DateTimeOffset.UtcNow.AddSeconds(1), primaryAttributeValue = "Live webinar 2" },
                    },
                },
            });
            var answer = (await response.JsonAsync())!.Value;
            Assert.True(answer.GetProperty("success").GetBoolean(), answer.ToString());
            Assert.All(answer.GetProperty("result").EnumerateArray(), r => Assert.Equal("added", r.GetProperty("status").GetString()));
        }

        await Assertions.Expect(page.ByTestId("new-activities")).ToContainTextAsync("2 new activities");
        await BrowserFixture.ScreenshotAsync(page, "person-timeline-live-pill");
        await page.ByTestId("new-activities").ClickAsync();
        await Assertions.Expect(page.ByTestId("timeline-entry")).ToHaveCountAsync(8);
        await Assertions.Expect(page.ByTestId("entry-primary").First).ToHaveTextAsync("Live webinar 2");
        await Assertions.Expect(page.ByTestId("new-activities")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Markup_and_javascript_links_in_values_render_as_inert_text()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        await using var data = FixtureData.Open(browser.DatabasePath);
        var person = await data.AddPersonAsync(A.Person.WithEmail($"xss-{tag}@example.com").Build());
        var type = await data.AddTypeAsync(A.ActivityType.Named($"formPosted{tag}", "Form posted")
            .WithPrimary("comment", FieldDataType.String, "Comment")
            .WithField("website", FieldDataType.Link, "Website")
            .WithField("note", FieldDataType.Text, "Note")
            .Build());
        await data.WriteAsync([An.Activity(person.Id, type.Id).At(Day0)
            .Primary("<script>window.pwned = 1</script><b>bold</b>")
            .With("website", "javascript:window.pwned=2")
            .With("note", "<img src=x onerror=\"window.pwned=3\">")
            .Build()]);
        var page = await browser.SignedInPageAsync();

        await page.OpenWhenReadyAsync($"people/{person.Id}");
        var entry = page.ByTestId("timeline-entry").First;
        await Assertions.Expect(entry.ByTestId("entry-primary")).ToHaveTextAsync("<script>window.pwned = 1</script><b>bold</b>");
        await entry.ByTestId("entry-toggle").ClickAsync();
        await Assertions.Expect(entry.ByTestId("field-website")).ToHaveTextAsync("javascript:window.pwned=2");
        await Assertions.Expect(entry.ByTestId("field-note")).ToHaveTextAsync("<img src=x onerror=\"window.pwned=3\">");

        Assert.Equal(0, await entry.Locator("script, b, img, a").CountAsync());
        await entry.ByTestId("field-website").ClickAsync();
        Assert.Null(await page.EvaluateAsync<int?>("() => window.pwned ?? null"));
        await BrowserFixture.ScreenshotAsync(page, "person-timeline-inert-values");
    }

    /// <summary>
    /// One webinar (10:00 UTC) and one cheque (12:00 UTC) per day from 2026-01-01: 2 × <paramref name="days"/> activities.
    /// Cheque i is "CHQ-i" with amount 1000.5 + i and a slip link.
    /// </summary>
    private async Task<(Person Person, ActivityType Webinar, ActivityType Cheque)> SeedHistoryAsync(int days = 60)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        await using var data = FixtureData.Open(browser.DatabasePath);
        var person = await data.AddPersonAsync(A.Person.WithEmail($"timeline-{tag}@example.com").Named("Tim", "Line").Build());
        var webinar = await data.AddTypeAsync(A.ActivityType.Named($"webinar{tag}", "Webinar attended").WithField("minutes", FieldDataType.Integer, "Minutes").Build());
        var cheque = await data.AddTypeAsync(A.ActivityType.Named($"cheque{tag}", "Cheque deposited")
            .WithPrimary("number", FieldDataType.String, "Cheque number")
            .WithField("amount", FieldDataType.Currency, "Amount")
            .WithField("slip", FieldDataType.Link, "Slip")
            .Build());
        var activities = new List<NewActivity>();
        for (var i = 0; i < days; i++)
        {
            activities.Add(An.Activity(person.Id, webinar.Id).At(Day0.AddDays(i).AddHours(-2)).Primary($"Webinar {i}").With("minutes", i).Build());
            activities.Add(An.Activity(person.Id, cheque.Id).At(Day0.AddDays(i)).Primary($"CHQ-{i}")
                .With("amount", 1000.5m + i).With("slip", $"https://bank.example.com/slips/{i}").Build());
        }
        await data.WriteAsync(activities);
        return (person, webinar, cheque);
    }
}

file static class LocatorExtensions
{
    /// <summary>Like OpenAsync, but does not wait for every subresource ("load"), which is slow when the cores are busy.</summary>
    public static async Task OpenWhenReadyAsync(this IPage page, string relativeUrl)
    {
        await page.GotoAsync(relativeUrl, new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await BrowserFixture.WaitForInteractivityAsync(page);
    }

    public static ILocator ByTestId(this ILocator locator, string testId) => locator.Locator($"[data-testid='{testId}']");
}
