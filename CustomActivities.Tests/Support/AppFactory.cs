using System.Net;
using System.Text.RegularExpressions;
using CustomActivities.Core.Persistence;
using CustomActivities.Core.Users;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CustomActivities.Tests.Support;

/// <summary>The whole web app in memory (WebApplicationFactory) over a real SQLite file.</summary>
public partial class AppFactory : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@test.local";
    public const string AdminPassword = "Admin-Password-123!";
    public const string DefaultPassword = "Password-123456!";

    private readonly TempDatabase database = new();
    private readonly Dictionary<string, string?> settings = [];
    private TimeProvider? clock;
    private readonly List<Action<IServiceCollection>> testServices = [];

    public string DatabasePath => database.Path;

    public DatabaseTarget Database => database.Target;

    /// <summary>Whether start-up got as far as the database: the SQLite file exists, or PostgreSQL has the first admin.</summary>
    public bool StartUpTouchedTheDatabase() => database.Target.Provider == DatabaseProvider.Sqlite
        ? File.Exists(database.Path)
        : TestPostgres.Scalar<long>(database.Target.Location, "SELECT count(*) FROM \"AspNetUsers\"") > 0;

    /// <summary>Overrides a setting (e.g. a limit) before the app starts.</summary>
    public AppFactory WithSetting(string key, string value)
    {
        settings[key] = value;
        return this;
    }

    /// <summary>Runs the app on a clock the test moves (e.g. a FakeTimeProvider), instead of waiting for time to pass.</summary>
    public AppFactory WithClock(TimeProvider timeProvider)
    {
        clock = timeProvider;
        return this;
    }

    /// <summary>Replaces or decorates services of the app (after its own registrations), e.g. to count calls.</summary>
    public AppFactory WithServices(Action<IServiceCollection> configure)
    {
        testServices.Add(configure);
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var configure in testServices)
        {
            builder.ConfigureTestServices(configure);
        }
        if (clock is not null)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
        }
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", database.Target.Provider.ToString());
        if (database.Target.Provider == DatabaseProvider.Postgres)
        {
            builder.UseSetting("ConnectionStrings:Postgres", database.Target.Location);
        }
        else
        {
            builder.UseSetting("Database:Path", database.Path);
        }
        builder.UseSetting("Admin:Email", AdminEmail);
        builder.UseSetting("Admin:Password", AdminPassword);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public HttpClient CreateNoRedirectClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task CreateUserAsync(string email, string role, string password = DefaultPassword)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true };
        var result = await users.CreateAsync(user, password);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
    }

    /// <summary>Signs in through the real login form (antiforgery token included) and returns a client holding the cookie.</summary>
    public async Task<HttpClient> SignedInClientAsync(string email = AdminEmail, string password = AdminPassword)
    {
        var client = CreateNoRedirectClient();
        var response = await PostLoginAsync(client, email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password)
    {
        return await PostFormAsync(client, "/Account/Login", "login", new()
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
    }

    /// <summary>Posts a statically rendered Blazor form as a browser would: antiforgery token and form name included.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string formName, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(path);
        fields["__RequestVerificationToken"] = AntiforgeryToken().Match(page).Groups[1].Value;
        fields["_handler"] = formName;
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            database.Dispose();
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
