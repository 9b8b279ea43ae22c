using System.Net;
using CustomActivities.Core.Users;
using CustomActivities.Tests.Support;

namespace CustomActivities.Tests.Integration.Hosting;

public sealed class AccessControlTests(AppFactoryFixture fixture) : IClassFixture<AppFactoryFixture>
{
    public static readonly TheoryData<string> Pages = ["/", "/activity-types", "/approvals", "/people", "/smart-lists", "/api-clients", "/users", "/audit-log", "/Account/Manage/ChangePassword"];
    public static readonly TheoryData<string> AdminPages = ["/approvals", "/api-clients", "/users"];
    public static readonly TheoryData<string> MarketerPages = ["/", "/activity-types", "/people", "/smart-lists", "/audit-log"];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Anonymous_requests_are_sent_to_sign_in(string path)
    {
        using var client = fixture.Factory.CreateNoRedirectClient();

        var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Contains("ReturnUrl=", response.Headers.Location.Query, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task A_marketer_gets_403_on_admin_pages(string path)
    {
        using var client = await fixture.MarketerClientAsync();

        var redirect = await client.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", redirect.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        var denied = await client.GetAsync(redirect.Headers.Location, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Contains("Access denied", await denied.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(MarketerPages))]
    public async Task A_marketer_opens_the_shared_pages(string path)
    {
        using var client = await fixture.MarketerClientAsync();

        var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task An_admin_opens_every_page(string path)
    {
        using var client = await fixture.Factory.SignedInClientAsync();

        var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_address_answers_404_with_the_apps_not_found_page()
    {
        using var client = await fixture.Factory.SignedInClientAsync();

        var response = await client.GetAsync("/nope/nothing-here", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Page not found", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"sidebar\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_answers_without_signing_in()
    {
        using var client = fixture.Factory.CreateNoRedirectClient();

        var response = await client.GetAsync("/health", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var health = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("Healthy", health.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_wrong_password_shows_an_error_and_sets_no_cookie()
    {
        using var client = fixture.Factory.CreateNoRedirectClient();

        var response = await AppFactory.PostLoginAsync(client, AppFactory.AdminEmail, "not-the-password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The email or password is wrong.", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("CustomActivities.Auth", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_language_picker_sets_the_culture_cookie_and_pages_follow_it()
    {
        // Its own admin: the choice is saved on the account, and the other tests read the shared admin's pages in English.
        const string email = "francophone-admin@test.local";
        await fixture.Factory.CreateUserAsync(email, Roles.Admin);
        using var client = await fixture.Factory.SignedInClientAsync(email, AppFactory.DefaultPassword);

        var set = await client.GetAsync("/Culture/Set?culture=fr&redirectUri=%2Fusers", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Equal("/users", set.Headers.Location!.OriginalString);

        var page = await client.GetStringAsync("/users", TestContext.Current.CancellationToken);
        Assert.Contains("Utilisateurs", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_culture_endpoint_refuses_open_redirects()
    {
        using var client = fixture.Factory.CreateNoRedirectClient();

        var response = await client.GetAsync("/Culture/Set?culture=en&redirectUri=%2F%2Fevil.example", TestContext.Current.CancellationToken);

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }
}

/// <summary>One app per test class, with a marketer account.</summary>
public sealed class AppFactoryFixture : IAsyncLifetime
{
    public const string MarketerEmail = "marketer@test.local";

    public AppFactory Factory { get; } = new();

    public async ValueTask InitializeAsync()
    {
        _ = Factory.Server;
        await Factory.CreateUserAsync(MarketerEmail, Roles.Marketer);
    }

    public Task<HttpClient> MarketerClientAsync() => Factory.SignedInClientAsync(MarketerEmail, AppFactory.DefaultPassword);

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
}
