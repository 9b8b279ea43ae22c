using System.Text.RegularExpressions;
using CustomActivities.Tests.Support;
using Microsoft.Playwright;
using static CustomActivities.Tests.Browser.ActivityTypes.ActivityTypePages;

namespace CustomActivities.Tests.Browser.ActivityTypes;

[Collection(BrowserCollection.Name)]
public sealed class ActivityTypeLifecycleBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_marketer_defines_a_type_an_admin_approves_it_the_marketer_edits_it_and_the_admin_discards_the_draft()
    {
        var suffix = Random.Shared.Next(1000, 9999).ToString();
        var apiName = "webinarAttended" + suffix;
        var marketerEmail = $"marketer-{Guid.NewGuid():N}@test.local";
        var admin = await browser.SignedInPageAsync();
        await admin.CreateUserAsync(marketerEmail);
        var marketer = await browser.SignedInPageAsync(marketerEmail, AppFactory.DefaultPassword);

        // The list, then the wizard.
        await marketer.ByTestId("sidebar").GetByText("Activity types", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(marketer.Locator("h1")).ToHaveTextAsync("Activity types");
        await marketer.ByTestId("new-activity-type").ClickAsync();
        await Assertions.Expect(marketer.Locator("h1")).ToHaveTextAsync("New custom activity");

        // Step 1: a bad display name gets a message next to it; a good one suggests the other names as you type.
        await marketer.Input("displayName").FillAsync("2026");
        await Assertions.Expect(marketer.FieldError("displayName")).ToContainTextAsync("at least one letter");
        await BrowserFixture.ScreenshotAsync(marketer, "activity-types-wizard-1-basics-error");
        await marketer.Input("displayName").FillAsync($"Webinar attended {suffix}");
        await Assertions.Expect(marketer.FieldError("displayName")).ToHaveCountAsync(0);
        await Assertions.Expect(marketer.Input("apiName")).ToHaveValueAsync(apiName);
        await Assertions.Expect(marketer.Input("triggerName")).ToHaveValueAsync($"Attends Webinar {suffix}");
        await Assertions.Expect(marketer.Input("filterName")).ToHaveValueAsync($"Attended Webinar {suffix}");
        await marketer.Locator("textarea[name=description]").FillAsync("A person attended one of our webinars.");
        await BrowserFixture.ScreenshotAsync(marketer, "activity-types-wizard-1-basics");
        await marketer.ByTestId("wizard-next").ClickAsync();

        // Step 2: the primary field; Next with an empty field shows what is missing.
        await marketer.ByTestId("wizard-next").ClickAsync();
        await Assertions.Expect(marketer.FieldError("primaryField.displayName")).ToBeVisibleAsync();
        await marketer.Input("primaryField.displayName").FillAsync("Webinar name");
        await Assertions.Expect(marketer.Input("primaryField.apiName")).ToHaveValueAsync("webinarName");
        await BrowserFixture.ScreenshotAsync(marketer, "activity-types-wizard-2-primary");
        await marketer.ByTestId("wizard-next").ClickAsync();

        // Step 3: two additional fields, then reorder them.
        await marketer.ByTestId("add-field").ClickAsync();
        await marketer.Input("fields[0].displayName").FillAsync("Asked question");
        await marketer.ChooseDataTypeAsync("fields[0]", "Boolean");
        await marketer.ByTestId("add-field").ClickAsync();
        await marketer.Input("fields[1].displayName").FillAsync("Minutes watched");
        await marketer.ChooseDataTypeAsync("fields[1]", "Integer");
        await marketer.ByTestId("field-1-up").ClickAsync();
        await Assertions.Expect(marketer.Input("fields[0].apiName")).ToHaveValueAsync("minutesWatched");
        await BrowserFixture.ScreenshotAsync(marketer, "activity-types-wizard-3-fields");

        // Back keeps what was typed.
        await marketer.ByTestId("wizard-back").ClickAsync();
        await Assertions.Expect(marketer.Input("primaryField.displayName")).ToHaveValueAsync("Webinar name");
        await marketer.ByTestId("wizard-back").ClickAsync();
        await Assertions.Expect(marketer.Input("displayName")).ToHaveValueAsync($"Webinar attended {suffix}");
        await marketer.ByTestId("wizard-next").ClickAsync();
        await marketer.ByTestId("wizard-next").ClickAsync();
        await Assertions.Expect(marketer.Input("fields[1].displayName")).ToHaveValueAsync("Asked question");
        await marketer.ByTestId("wizard-next").ClickAsync();

        // Step 4: review everything, submit.
        var review = marketer.ByTestId("wizard-review");
        await Assertions.Expect(review).ToContainTextAsync(apiName);
        await Assertions.Expect(review).ToContainTextAsync("Minutes watched");
        await BrowserFixture.ScreenshotAsync(marketer, "activity-types-wizard-4-review");
        await marketer.ByTestId("wizard-submit").ClickAsync();
        await Assertions.Expect(marketer).ToHaveURLAsync(new Regex($"/activity-types/{apiName}"));
        await Assertions.Expect(marketer.ByTestId("status-chip")).ToHaveTextAsync("Draft");
        await Assertions.Expect(marketer.ByTestId("submitted")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(marketer, "activity-types-detail-draft");

        // A marketer cannot approve: the button is greyed out with the reason, and the approvals page is closed to them.
        await Assertions.Expect(marketer.ByTestId("action-approve")).ToBeDisabledAsync();
        await Assertions.Expect(marketer.ByTestId("action-approve")).ToHaveAttributeAsync("title", "Only an admin can do this.");
        await marketer.GotoAsync("approvals");
        await Assertions.Expect(marketer.ByTestId("access-denied")).ToBeVisibleAsync();

        // The admin's sidebar shows the count without reloading; the admin approves from the queue.
        await Assertions.Expect(admin.ByTestId("approvals-badge")).ToBeVisibleAsync();
        await admin.OpenAsync("approvals");
        var card = admin.ByTestId($"approval-{apiName}");
        await Assertions.Expect(card.ByTestIdIn("diff-all-new")).ToContainTextAsync("Addition");
        await Assertions.Expect(card.ByTestIdIn("version-summary")).ToContainTextAsync("minutesWatched");
        await BrowserFixture.ScreenshotAsync(admin, "activity-types-approvals");
        await card.ByTestIdIn("approve").ClickAsync();
        await Assertions.Expect(card).ToHaveCountAsync(0);

        // Names already taken are reported as the marketer types a new type's display name.
        await marketer.OpenAsync("activity-types/new");
        await marketer.Input("displayName").FillAsync($"Webinar attended {suffix}");
        await Assertions.Expect(marketer.FieldError("apiName")).ToContainTextAsync("already has the API name");
        await Assertions.Expect(marketer.FieldError("triggerName")).ToContainTextAsync("already uses the trigger name");
        await BrowserFixture.ScreenshotAsync(marketer, "activity-types-wizard-1-duplicate-names");

        // The marketer edits the approved type: it shows as approved with draft, with the diff.
        await marketer.ByTestId("sidebar").GetByText("Activity types", new() { Exact = true }).ClickAsync();
        await marketer.Locator(".mud-dialog").GetByText("Leave", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(marketer.Locator("h1")).ToHaveTextAsync("Activity types");
        await BrowserFixture.ScreenshotAsync(marketer, "activity-types-list");
        await marketer.ByTestId($"type-link-{apiName}").ClickAsync();
        // The list shows a chip per type: look at the chip once the detail page replaced it.
        await Assertions.Expect(marketer).ToHaveURLAsync(new Regex($"/activity-types/{apiName}$"));
        await Assertions.Expect(marketer.Locator("h1")).Not.ToHaveTextAsync("Activity types");
        await Assertions.Expect(marketer.ByTestId("status-chip")).ToHaveTextAsync("Approved");
        await marketer.ByTestId("action-edit").ClickAsync();
        await Assertions.Expect(marketer.Input("apiName")).ToBeDisabledAsync();
        await marketer.Input("displayName").FillAsync($"Webinar joined {suffix}");
        await marketer.ByTestId("wizard-next").ClickAsync();
        await marketer.ByTestId("wizard-next").ClickAsync();
        await Assertions.Expect(marketer.Input("fields[0].apiName")).ToBeDisabledAsync();
        await marketer.ByTestId("field-1-remove").ClickAsync();
        await marketer.ByTestId("add-field").ClickAsync();
        await marketer.Input("fields[1].displayName").FillAsync("Rating");
        await marketer.ChooseDataTypeAsync("fields[1]", "Integer");
        await BrowserFixture.ScreenshotAsync(marketer, "activity-types-wizard-edit-fields");
        await marketer.ByTestId("wizard-next").ClickAsync();
        await marketer.ByTestId("wizard-submit").ClickAsync();
        await Assertions.Expect(marketer).ToHaveURLAsync(new Regex("submitted=1"));
        await Assertions.Expect(marketer.ByTestId("status-chip")).ToHaveTextAsync("Approved with draft");
        var diff = marketer.ByTestId("draft-diff");
        await Assertions.Expect(diff).ToContainTextAsync($"Webinar joined {suffix}");
        await Assertions.Expect(diff.Locator("[data-testid=diff-row]", new() { HasText = "rating" })).ToContainTextAsync("Addition");
        await Assertions.Expect(diff.Locator("[data-testid=diff-row]", new() { HasText = "display name" })).ToContainTextAsync("Revision");
        await Assertions.Expect(diff.Locator("[data-testid=diff-row]", new() { HasText = "askedQuestion" })).ToContainTextAsync("Breaking");
        await BrowserFixture.ScreenshotAsync(marketer, "activity-types-detail-with-draft");

        // The admin discards the draft; the live version stays and the history keeps the discarded draft.
        await admin.OpenAsync("approvals");
        await admin.ByTestId($"approval-{apiName}").ByTestIdIn("discard").ClickAsync();
        var confirm = admin.Locator(".mud-dialog");
        await Assertions.Expect(confirm).ToContainTextAsync("the draft's changes are lost");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Discard draft" }).ClickAsync();
        await Assertions.Expect(admin.ByTestId($"approval-{apiName}")).ToHaveCountAsync(0);
        await admin.OpenAsync($"activity-types/{apiName}");
        await Assertions.Expect(admin.ByTestId("status-chip")).ToHaveTextAsync("Approved");
        await Assertions.Expect(admin.ByTestId("version-history")).ToContainTextAsync("Discarded");
        await Assertions.Expect(admin.ByTestId("type-audit")).ToContainTextAsync("Draft discarded");
        await Assertions.Expect(admin.ByTestId("live-version")).ToContainTextAsync($"Webinar attended {suffix}");
        await BrowserFixture.ScreenshotAsync(admin, "activity-types-detail-admin");

        // The JSON schema of the live version downloads for signed-in people.
        var schema = await admin.Context.APIRequest.GetAsync($"activity-types/{apiName}/schema.json");
        Assert.Equal(200, schema.Status);
        Assert.Contains("\"minutesWatched\"", await schema.TextAsync(), StringComparison.Ordinal);

        // The audit log shows the type's changes with before and after.
        await admin.OpenAsync("audit-log");
        var firstRow = admin.ByTestId("audit-grid").Locator("tbody tr").First;
        await Assertions.Expect(firstRow).ToContainTextAsync("Activity type draft discarded");
        await firstRow.Locator("td").First.Locator("button").ClickAsync();
        await Assertions.Expect(admin.ByTestId("audit-change").First).ToContainTextAsync("ApprovedWithDraft");
        await BrowserFixture.ScreenshotAsync(admin, "activity-types-audit-log");
    }

    [Fact]
    public async Task Leaving_the_wizard_with_unsaved_changes_asks_first()
    {
        var page = await browser.SignedInPageAsync();
        await page.OpenAsync("activity-types/new");
        await page.Input("displayName").FillAsync("Cheque deposited");
        // The suggested API name shows once the wizard holds the typed name (the field commits after its debounce).
        await Assertions.Expect(page.Input("apiName")).ToHaveValueAsync("chequeDeposited");

        await page.ByTestId("sidebar").GetByText("Dashboard", new() { Exact = true }).ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await Assertions.Expect(dialog).ToContainTextAsync("unsaved changes");
        await BrowserFixture.ScreenshotAsync(page, "activity-types-wizard-leave");
        await dialog.GetByText("Stay", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(page.Input("displayName")).ToHaveValueAsync("Cheque deposited");
        Assert.EndsWith("/activity-types/new", page.Url, StringComparison.Ordinal);

        await page.ByTestId("sidebar").GetByText("Dashboard", new() { Exact = true }).ClickAsync();
        await page.Locator(".mud-dialog").GetByText("Leave", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Dashboard");
    }
}

[Collection(BrowserCollection.Name)]
public sealed class ActivityTypeWizardRefreshBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Refreshing_mid_wizard_offers_the_work_back_and_resuming_returns_to_the_same_step()
    {
        var page = await browser.SignedInPageAsync();
        await page.OpenAsync("activity-types/new");
        await page.Input("displayName").FillAsync("Cheque deposited");
        await Assertions.Expect(page.Input("apiName")).ToHaveValueAsync("chequeDeposited");
        await page.ByTestId("wizard-next").ClickAsync();
        await page.Input("primaryField.displayName").FillAsync("Amount");
        await Assertions.Expect(page.Input("primaryField.apiName")).ToHaveValueAsync("amount");

        await page.ReloadAsync();
        await BrowserFixture.WaitForInteractivityAsync(page);

        await Assertions.Expect(page.ByTestId("wizard-resume-offer")).ToContainTextAsync("Cheque deposited");
        await BrowserFixture.ScreenshotAsync(page, "activity-types-wizard-resume");
        await page.ByTestId("wizard-resume").ClickAsync();
        await Assertions.Expect(page.Input("primaryField.displayName")).ToHaveValueAsync("Amount");
        await page.ByTestId("wizard-back").ClickAsync();
        await Assertions.Expect(page.Input("displayName")).ToHaveValueAsync("Cheque deposited");
    }
}

internal static class LocatorExtensions
{
    public static ILocator ByTestIdIn(this ILocator locator, string testId) => locator.Locator($"[data-testid='{testId}']");
}
