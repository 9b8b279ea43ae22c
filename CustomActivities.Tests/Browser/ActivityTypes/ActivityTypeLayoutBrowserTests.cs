using CustomActivities.Core.SmartLists;
using CustomActivities.Core.ActivityTypes;
using CustomActivities.Core.Auditing;
using CustomActivities.Core.Persistence;
using CustomActivities.Tests.Builders;
using CustomActivities.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace CustomActivities.Tests.Browser.ActivityTypes;

/// <summary>
/// The list, the wizard, a detail page with a breaking draft and the approvals queue, on a desktop and on a 390 px phone,
/// in English, French and German: nothing wider than the screen, names and status chips whole. Screenshots for a person to look at.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ActivityTypeLayoutBrowserTests(BrowserFixture browser)
{
    private static readonly Actor Marketer = new(ActorKind.User, "layout-marketer", "marketer@layout.test");
    private static readonly Actor Approver = new(ActorKind.User, "layout-admin", "approver@layout.test", IsAdmin: true);

    [Theory]
    [InlineData("en-US", 1366, 860)]
    [InlineData("en-US", 390, 844)]
    [InlineData("fr-FR", 1366, 860)]
    [InlineData("fr-FR", 390, 844)]
    [InlineData("de-DE", 1366, 860)]
    [InlineData("de-DE", 390, 844)]
    public async Task Every_activity_type_page_fits_the_screen_in_each_language(string locale, int width, int height)
    {
        var apiName = await BreakingDraftAsync();
        var page = await SignedInAsync(locale, width, height);
        var shot = $"{locale[..2]}-{width}";

        await page.GotoAsync("activity-types");
        await WaitForInteractivityAsync(page);
        await Assertions.Expect(page.ByTestId($"type-link-{apiName}")).ToBeVisibleAsync();
        await AssertFitsAsync(page, $"activity-types-list-{shot}");

        await page.GotoAsync($"activity-types/{apiName}");
        await WaitForInteractivityAsync(page);
        await Assertions.Expect(page.ByTestId("draft-diff")).ToBeVisibleAsync();
        await Assertions.Expect(page.ByTestId("diff-broken-list")).ToHaveCountAsync(1);
        await AssertFitsAsync(page, $"activity-types-detail-draft-{shot}");

        await page.GotoAsync("approvals");
        await WaitForInteractivityAsync(page);
        await Assertions.Expect(page.ByTestId($"approval-{apiName}")).ToBeVisibleAsync();
        await AssertFitsAsync(page, $"activity-types-approvals-{shot}");

        await page.GotoAsync("activity-types/new");
        await WaitForInteractivityAsync(page);
        await page.Input("displayName").FillAsync("Supercalifragilisticexpialidocious webinar attended");
        await Assertions.Expect(page.Input("apiName")).ToHaveValueAsync("supercalifragilisticexpialidociousWebinarAttended");
        await AssertFitsAsync(page, $"activity-types-wizard-1-{shot}");
        await page.ByTestId("wizard-next").ClickAsync();
        await page.Input("primaryField.displayName").FillAsync("Webinar name");
        await Assertions.Expect(page.Input("primaryField.apiName")).ToHaveValueAsync("webinarName");
        await page.ByTestId("wizard-next").ClickAsync();
        await page.ByTestId("add-field").ClickAsync();
        await page.Input("fields[0].displayName").FillAsync("Minutes watched");
        await AssertFitsAsync(page, $"activity-types-wizard-3-{shot}");
        await page.Context.CloseAsync();
    }

    /// <summary>Nothing scrolls sideways, and every status chip shows its whole label.</summary>
    private static async Task AssertFitsAsync(IPage page, string screenshot)
    {
        await BrowserFixture.ScreenshotAsync(page, screenshot);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 1, $"{screenshot}: the page is {overflow} px wider than the screen");
        var clippedChips = await page.EvaluateAsync<int>(
            "() => [...document.querySelectorAll('[data-testid=status-chip]')].filter(c => c.scrollWidth > c.clientWidth + 1).length");
        Assert.Equal(0, clippedChips);
    }

    private async Task<IPage> SignedInAsync(string locale, int width, int height)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = browser.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = locale,
            TimezoneId = "Europe/Paris",
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await BrowserFixture.SignInAsync(page, AppFactory.AdminEmail, AppFactory.AdminPassword);
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase));
        return page;
    }

    /// <summary>The phone layout hides the sidebar, so interactivity is read from the app's own flag only.</summary>
    private static Task WaitForInteractivityAsync(IPage page) =>
        page.WaitForFunctionAsync("() => window.Blazor && window.customActivities && window.customActivities.interactive === true");

    /// <summary>An approved type that a marketer renamed and cut a field from, waiting for an admin (through Core, on the app's file).</summary>
    private async Task<string> BreakingDraftAsync()
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddSingleton<ICurrentActor>(new FixedActor(Marketer));
        services.AddCustomActivitiesCore(DatabaseTarget.Sqlite(browser.DatabasePath));
        await using var provider = services.BuildServiceProvider();
        var types = provider.GetRequiredService<ActivityTypeService>();
        var display = $"Cheque deposited at the branch counter {Random.Shared.Next(1000, 9999)}";
        var definition = Define.ActivityType.Named(display).WithPrimary("chequeAmount", FieldDataType.Currency, "Cheque amount")
            .WithField("branchIdentifierWithAVeryLongUnbrokenApiName", FieldDataType.String, "Branch").WithField("teller", FieldDataType.String, "Teller").Build();
        Assert.True((await types.CreateAsync(Marketer, definition)).Succeeded);
        Assert.True((await types.ApproveAsync(Approver, definition.ApiName)).Succeeded);
        // A saved smart list that constrains the field the draft removes: the diff names it as broken.
        var typeId = (await types.GetAsync(definition.ApiName))!.Id;
        var tellers = new SmartListQuery([SmartListFilter.Activity(typeId, FieldConstraint.Of("teller", ConstraintOperator.IsNotEmpty))]);
        Assert.True((await provider.GetRequiredService<SmartListService>().SaveAsync(null, $"Customers served by a named teller {display[^4..]}", tellers)).Succeeded);
        var edit = Define.ActivityType.From(definition).WithDisplayName(display.Replace("deposited", "cashed", StringComparison.Ordinal)).WithoutField("teller")
            .WithField("receiptNumber", FieldDataType.Integer, "Receipt number").Build();
        Assert.True((await types.UpdateDraftAsync(Marketer, definition.ApiName, edit, null)).Succeeded);
        return definition.ApiName;
    }
}
