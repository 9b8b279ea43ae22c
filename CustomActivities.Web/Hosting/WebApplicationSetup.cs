using System.IO.Compression;
using CustomActivities.Core;
using CustomActivities.Core.Auditing;
using CustomActivities.Core.Persistence;
using CustomActivities.Core.Users;
using CustomActivities.Web.Api;
using CustomActivities.Web.Components;
using CustomActivities.Web.Components.Account;
using CustomActivities.Web.Components.Pages.ActivityTypes;
using CustomActivities.Web.Components.Pages.People;
using CustomActivities.Web.Components.Pages.SmartLists;
using CustomActivities.Web.Components.Shared;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace CustomActivities.Web;

public static class WebApplicationSetup
{
    public static WebApplicationBuilder AddCustomActivities(this WebApplicationBuilder builder)
    {
        var settingsPath = SettingsFile.AddTo(builder.Configuration, builder.Environment.ContentRootPath);
        builder.AddSecurityHeaders();
        // MudBlazor's scripts and styles come from the package's static web assets, also outside Development.
        builder.WebHost.UseStaticWebAssets();
        // `dotnet run` serves the build's asset manifest, which MapStaticAssets treats as a development session in every
        // environment: no-cache on every file, so each page load revalidates each script and style sheet. Outside
        // Development the manifest's own headers apply, as when published: fingerprinted addresses are immutable.
        if (!builder.Environment.IsDevelopment())
        {
            builder.Configuration["ReloadStaticAssetsAtRuntime"] ??= "false";
        }
        builder.Services.AddResponseCompression(options =>
        {
            // Only package files go through it (see UseCustomActivities): no secrets in them, so no BREACH over HTTPS.
            options.EnableForHttps = true;
            options.MimeTypes = ["text/css", "text/javascript", "application/javascript"];
            // gzip only: on MudBlazor.min.css it is as small as Brotli's optimal level (67 KB against 69 KB) at a tenth of the time.
            options.Providers.Add<GzipCompressionProvider>();
        });
        builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);

        // Read now, not through IOptions: the provider and the path decide what is registered.
        var database = DatabaseOptions.Read(builder.Configuration, path => SettingsFile.ResolveDatabasePath(path, settingsPath));
        var dataFolder = database.Provider == DatabaseProvider.Sqlite
            ? Path.GetDirectoryName(database.Location)!
            : Path.Combine(Path.GetDirectoryName(settingsPath)!, "data");
        Directory.CreateDirectory(dataFolder);
        builder.Services.AddCustomActivitiesCore(database);
        // Keys in the database, so sign-in cookies and stored access tokens survive restarts, move with the data and are
        // read alike by every node on one database. Keys an older version kept in the folder are imported at start-up.
        builder.Services.AddDataProtection()
            .SetApplicationName("CustomActivities")
            .PersistKeysToDbContext<AppDbContext>();
        builder.Services.AddSingleton(new LegacyKeyRingFolder(Path.Combine(dataFolder, "keys")));

        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomRight;
            options.SnackbarConfiguration.VisibleStateDuration = 5000;
            options.SnackbarConfiguration.PreventDuplicates = true;
        });
        builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        builder.Services.AddSingleton(new SupportedLanguages(SupportedCultures.Names));
        // MudBlazor's own strings (pager, date picker, filters) in the UI language; its English stays built in.
        builder.Services.AddTransient<MudBlazor.MudLocalizer, MudBlazorLocalizer>();

        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<IdentityRedirectManager>();
        builder.Services.AddScoped<AccountSignIn>();
        builder.Services.AddSingleton<UnknownEmailFailures>();
        builder.Services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<CurrentActor>();
        builder.Services.AddScoped<ICurrentActor>(sp => sp.GetRequiredService<CurrentActor>());

        builder.Services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        builder.Services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Account/Login";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.Cookie.Name = "CustomActivities.Auth";
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
        });
        // Locking an account or changing its role renews its security stamp; a cookie is checked against the stamp at most
        // every Security:SessionCheckSeconds (10 s, not the default 30 min). A check reads the user and their roles and
        // renews the cookie, so doing it on every request would repeat that for every script and style sheet of a page.
        builder.Services.AddValidatedOptions<SecurityOptions>(SecurityOptions.Section);
        builder.Services.AddOptions<SecurityStampValidatorOptions>()
            .Configure<IOptions<SecurityOptions>>((o, security) => o.ValidationInterval = TimeSpan.FromSeconds(security.Value.SessionCheckSeconds));
        builder.Services.AddAuthorization();

        builder.Services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = false;
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = AdminOptions.MinPasswordLength;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<LocalizedIdentityErrors>();
        // OWASP's figure for PBKDF2-HMAC-SHA256 (the framework default is 100,000).
        builder.Services.Configure<PasswordHasherOptions>(o => o.IterationCount = 600_000);

        builder.Services.AddMarketoApi();
        builder.Services.AddScoped<ViewerTimeZone>();
        builder.Services.AddScoped<ViewerTheme>();
        builder.Services.AddValidatedOptions<NodeOptions>(NodeOptions.Section);
        builder.Services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database");
        return builder;
    }

    public static WebApplication UseCustomActivities(this WebApplication app)
    {
        app.UseSecurityHeaders();
        // The SDK precompresses our files and the framework's, but not the fingerprinted addresses a package declares
        // itself (MudBlazor.min.css, 627 KB, went out as is): those are compressed here, once per browser as they are
        // immutable. Precompressed answers already carry a Content-Encoding and are left alone.
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/_content"), branch => branch.UseResponseCompression());

        app.UseErrorPages();
        // Before routing: a POST with _method=GET is routed as the GET it stands for.
        app.UseMarketoMethodTunnelling();
        // Routing after the status code pages, so that the re-executed request finds the not-found page's endpoint.
        app.UseRouting();

        app.UseAuthentication();
        app.UseRequestCultures();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapNodeHealth();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAdditionalIdentityEndpoints();
        app.MapActivityTypeDownloads();
        app.MapMarketoApi();
        app.MapTimelineCsv();
        app.MapSmartListCsv();
        return app;
    }

    /// <summary>
    /// Checks every validated settings section now (what the host would do when it starts), so that a bad value stops
    /// the app before it touches the database, with messages naming the settings.
    /// </summary>
    public static void ValidateSettings(this WebApplication app)
    {
        try
        {
            app.Services.GetService<IStartupValidator>()?.Validate();
        }
        catch (Exception e) when (e is OptionsValidationException or AggregateException or InvalidOperationException)
        {
            var reasons = (e is AggregateException aggregate ? aggregate.InnerExceptions : [e])
                .SelectMany(x => x is OptionsValidationException validation ? validation.Failures : [x.Message]);
            var message = "The settings are not valid (appsettings.json, environment variables, command line):"
                + string.Concat(reasons.Select(r => Environment.NewLine + "  - " + r));
            Console.Error.WriteLine(message);
            throw new InvalidOperationException(message, e);
        }
    }

    /// <summary>Seeds demo data when asked on the command line (--seed-demo) or by the <c>Demo:Seed</c> setting.</summary>
    public static Task InitializeDatabaseAsync(this WebApplication app, StartupArguments arguments) =>
        app.InitializeDatabaseAsync(arguments.SeedDemo || app.Services.GetRequiredService<IOptions<DemoOptions>>().Value.Seed);

    public static async Task InitializeDatabaseAsync(this WebApplication app, bool seedDemo)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        // Before anything protects or unprotects: a key ring first read from an empty table would make a new key.
        await scope.ServiceProvider.GetRequiredService<FileKeyRingImport>()
            .ImportAsync(app.Services.GetRequiredService<LegacyKeyRingFolder>().Path);
        // The key ring is read now, and on a new database its first key stored (a synchronous write), while nothing
        // else runs: not in the hosted services' start beside the background sweeps writing to the same file.
        app.Services.GetDataProtector("CustomActivities.KeyRingReady").Protect("ready");
        StartupBanner.Remember(result);
        if (seedDemo)
        {
            await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync();
        }
    }
}
