using System.Globalization;
using CustomActivities.Core.Activities;
using CustomActivities.Core.ActivityTypes;
using CustomActivities.Core.Auditing;
using CustomActivities.Core.Lists;
using CustomActivities.Core.SmartLists;
using CustomActivities.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CustomActivities.Benchmarks;

/// <summary>
/// Photographs every page of the real app in each culture and window size, so that people can look at all of them:
/// <code>
/// dotnet run -c Release --project CustomActivities.Benchmarks -- screenshots --out DIR [--db FILE] [--cultures en,de,nl,pt-BR,es,fr] [--sizes 1366x860,390x844]
/// </code>
/// Without --db the app starts on a fresh demo database (--seed-demo) plus a draft waiting for approval. An admin and a
/// marketer are created through Core's UserAdministration when missing. Files are named page-culture-WxH.png.
/// </summary>
public static class ScreenshotsCommand
{
    private const string AdminEmail = "screens-admin@example.com";
    private const string MarketerEmail = "screens-marketer@example.com";
    private const string Password = "Screens-Password-123!";

    public static async Task<int> RunAsync(string[] args)
    {
        var outDir = CommandLine.Option(args, "--out") ?? throw new ArgumentException("--out DIR is required");
        var db = CommandLine.Option(args, "--db");
        var cultures = CommandLine.List(args, "--cultures", "en,fr");
        // Culture/Set ignores a language the app does not have, which would photograph English under another name.
        if (cultures.FirstOrDefault(c => !Web.SupportedCultures.IsSupported(c)) is { } unknown)
        {
            throw new ArgumentException($"--cultures: \"{unknown}\" is not a language of the app ({string.Join(", ", Web.SupportedCultures.Names)})");
        }
        var sizes = CommandLine.List(args, "--sizes", "1366x860,390x844").Select(ParseSize).ToList();
        Directory.CreateDirectory(outDir);

        var databasePath = db ?? Path.Combine(Path.GetTempPath(), $"ca-screenshots-{Guid.NewGuid():N}", "app.db");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databasePath))!);
        await using var app = await WebApp.StartAsync(databasePath, AdminEmail, Password, db is null ? ["--seed-demo"] : []);
        await using (var services = CoreServices.For(databasePath))
        {
            await CoreServices.EnsureUserAsync(services, AdminEmail, Password, Roles.Admin);
            await CoreServices.EnsureUserAsync(services, MarketerEmail, Password, Roles.Marketer);
            if (db is null)
            {
                await AddDraftAsync(services);
                await AddListAsync(services);
                await AddSmartListAsync(services);
            }
        }
        var (typeApiName, personId, listId, smartListId) = await SamplesAsync(databasePath);
        var pages = ScreenshotPages.All(typeApiName, personId, listId, smartListId);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var failures = new List<string>();
        var saved = 0;
        foreach (var (width, height) in sizes)
        {
            var contexts = new Dictionary<Viewer, IPage>();
            foreach (var viewer in Enum.GetValues<Viewer>())
            {
                var context = await browser.NewContextAsync(new BrowserNewContextOptions
                {
                    BaseURL = app.BaseAddress,
                    ViewportSize = new ViewportSize { Width = width, Height = height },
                    // A phone-sized window is a phone: mobile viewport rules and touch.
                    IsMobile = width < 600,
                    HasTouch = width < 600,
                    TimezoneId = "Europe/Paris",
                    Locale = "en-US",
                });
                context.SetDefaultTimeout(30_000);
                var page = await context.NewPageAsync();
                if (viewer != Viewer.Anonymous)
                {
                    await Chromium.SignInAsync(page, viewer == Viewer.Admin ? AdminEmail : MarketerEmail, Password);
                }
                contexts[viewer] = page;
            }
            foreach (var culture in cultures)
            {
                foreach (var page in contexts.Values)
                {
                    await page.GotoAsync($"Culture/Set?culture={Uri.EscapeDataString(culture)}&redirectUri=/");
                }
                foreach (var shot in pages)
                {
                    var file = Path.Combine(outDir, $"{shot.Name}-{culture}-{width}x{height}.png");
                    try
                    {
                        if (!await ShootAsync(contexts[shot.Viewer], shot, file))
                        {
                            failures.Add($"{Path.GetFileName(file)}: saved, but {contexts[shot.Viewer].Url} was not interactive after 20 s");
                        }
                        saved++;
                    }
                    catch (Exception e) when (e is PlaywrightException or TimeoutException)
                    {
                        failures.Add($"{Path.GetFileName(file)}: {e.Message.Split('\n')[0]}");
                    }
                }
            }
            foreach (var page in contexts.Values)
            {
                await page.Context.CloseAsync();
            }
        }

        Console.WriteLine($"{saved} screenshots in {Path.GetFullPath(outDir)} (database {databasePath})");
        failures.ForEach(f => Console.Error.WriteLine("failed: " + f));
        return failures.Count == 0 ? 0 : 1;
    }

    /// <summary>Saves the page once it is interactive (or, for a statically rendered page, loaded); false if it never was.</summary>
    private static async Task<bool> ShootAsync(IPage page, ScreenshotPage shot, string file)
    {
        await page.GotoAsync(shot.Path);
        var interactive = true;
        if (shot.Interactive)
        {
            try
            {
                await Chromium.WaitForInteractivityAsync(page, timeout: 20_000);
            }
            catch (TimeoutException)
            {
                interactive = false;
            }
        }
        await WaitForQuietPageAsync(page);
        await page.ScreenshotAsync(new() { Path = file, FullPage = true });
        return interactive;
    }

    /// <summary>
    /// Grids and lists fill in after the first interactive render: waits until the DOM has not changed for 400 ms
    /// (at most 8 s), the fonts are ready, and CSS transitions (drawer, ripples) have had time to end.
    /// </summary>
    private static async Task WaitForQuietPageAsync(IPage page)
    {
        await page.EvaluateAsync("""
            () => new Promise(resolve => {
              const started = performance.now();
              let timer;
              const observer = new MutationObserver(() => {
                clearTimeout(timer);
                timer = setTimeout(done, performance.now() - started > 8000 ? 0 : 400);
              });
              function done() { observer.disconnect(); document.fonts.ready.then(() => resolve()); }
              observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
              timer = setTimeout(done, 400);
            })
            """);
        await page.WaitForTimeoutAsync(300);
    }

    /// <summary>A draft made by the marketer, so the approvals page has something to show (with a long unbroken address).</summary>
    private static async Task AddDraftAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var marketer = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(MarketerEmail);
        var actor = new Actor(ActorKind.User, marketer!.Id, MarketerEmail);
        var definition = new ActivityTypeDefinition(
            "tradeShowBoothVisit", "Trade show booth visit",
            "Scanned at https://events.example.com/2026/trade-shows/booth-visits?campaign=spring-launch-emea-northern-region",
            "Visits trade show booth", "Visited trade show booth",
            new FieldDefinition("boothNumber", "Booth number", null, FieldDataType.String),
            [
                new FieldDefinition("visitedAt", "Visited at", null, FieldDataType.DateTime),
                new FieldDefinition("leadScore", "Lead score", "Score given by the booth staff", FieldDataType.Integer),
            ]);
        var result = await scope.ServiceProvider.GetRequiredService<ActivityTypeService>().CreateAsync(actor, definition);
        if (!result.Succeeded)
        {
            Console.Error.WriteLine("The sample draft was refused; the approvals page will be empty.");
        }
    }

    /// <summary>A static list with the first few people, so the lists and members pages have rows to show.</summary>
    private static async Task AddListAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<StaticListService>().CreateAsync("Webinar follow-up (EMEA, spring launch)");
        if (created.Succeeded)
        {
            await scope.ServiceProvider.GetRequiredService<StaticListMembership>().AddAsync(created.Value, [1, 2, 3, 4, 5]);
        }
    }

    /// <summary>A saved two-filter smart list over the demo's webinars, so its page shows a count, members and "Why?".</summary>
    private static async Task AddSmartListAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var options = await scope.ServiceProvider.GetRequiredService<SmartListCatalog>().LoadAsync();
        if (options.Types.FirstOrDefault(t => !t.IsStandard) is not { } webinar)
        {
            Console.Error.WriteLine("The demo has no custom type; the smart list page will be missing.");
            return;
        }
        var query = new SmartListQuery(
        [
            new SmartListFilter(SmartListFilterKind.Activity, webinar.Id, Window: ActivityWindow.Past(90)),
            SmartListFilter.Attribute(PersonAttributes.Company, ConstraintOperator.IsNotEmpty),
        ]);
        var saved = await scope.ServiceProvider.GetRequiredService<SmartListService>().SaveAsync(null, "Webinar attendees, last 90 days", query);
        if (!saved.Succeeded)
        {
            Console.Error.WriteLine("The sample smart list was refused: " + string.Join("; ", saved.Problems.Select(p => p.Message)));
        }
    }

    private static async Task<(string TypeApiName, int PersonId, int ListId, int SmartListId)> SamplesAsync(string databasePath)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        async Task<object?> ScalarAsync(string sql)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return await command.ExecuteScalarAsync();
        }
        // Marketo's standard types sit below the first custom id and have no page of their own.
        var type = await ScalarAsync($"SELECT ApiName FROM ActivityTypes WHERE Id >= {StandardActivityTypes.FirstCustomId} ORDER BY Id LIMIT 1") as string ?? "none";
        var person = await ScalarAsync("SELECT MIN(Id) FROM People") is long id ? (int)id : 1;
        var list = await ScalarAsync("SELECT MIN(Id) FROM StaticLists") is long listId ? (int)listId : 0;
        var smartList = await ScalarAsync("SELECT MIN(Id) FROM SmartLists") is long smartListId ? (int)smartListId : 0;
        return (type, person, list, smartList);
    }

    private static (int Width, int Height) ParseSize(string size)
    {
        var parts = size.Split('x');
        return (int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
    }
}
