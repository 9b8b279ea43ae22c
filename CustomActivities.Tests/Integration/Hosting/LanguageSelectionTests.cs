using System.Net;
using System.Text.RegularExpressions;
using CustomActivities.Core.Users;
using CustomActivities.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomActivities.Tests.Integration.Hosting;

/// <summary>
/// The language of a page: the picker's cookie, else the account's saved language, else the browser's Accept-Language,
/// else English. The page's &lt;html lang&gt; says which culture the request ran in.
/// </summary>
public sealed partial class LanguageSelectionTests(AppFactoryFixture fixture) : IClassFixture<AppFactoryFixture>
{
    private const string CultureCookie = ".AspNetCore.Culture";

    [Theory]
    [InlineData("de-DE,de;q=0.9,en;q=0.8", "de")]
    [InlineData("de-CH", "de")]
    [InlineData("es-MX,es;q=0.9", "es")]
    [InlineData("nl-BE", "nl")]
    [InlineData("pt-PT,pt;q=0.9", "pt-BR")]
    [InlineData("pt", "pt-BR")]
    [InlineData("ja,fr;q=0.5", "fr")]
    [InlineData("ja", "en")]
    [InlineData("", "en")]
    public async Task The_sign_in_page_follows_the_browsers_language(string acceptLanguage, string expected)
    {
        using var client = fixture.Factory.CreateNoRedirectClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        if (acceptLanguage.Length > 0)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }

        var page = await (await client.SendAsync(request, TestContext.Current.CancellationToken)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(expected, Lang(page));
    }

    [Fact]
    public async Task French_sign_in_page_for_a_french_browser()
    {
        using var client = fixture.Factory.CreateNoRedirectClient();
        client.DefaultRequestHeaders.Add("Accept-Language", "fr-FR");

        var page = await client.GetStringAsync("/Account/Login", TestContext.Current.CancellationToken);

        Assert.Contains("Se connecter", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cookie_comes_before_the_browsers_language()
    {
        using var client = fixture.Factory.CreateNoRedirectClient();
        client.DefaultRequestHeaders.Add("Accept-Language", "de-DE");
        await client.GetAsync("/Culture/Set?culture=es&redirectUri=/Account/Login", TestContext.Current.CancellationToken);

        Assert.Equal("es", Lang(await client.GetStringAsync("/Account/Login", TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task Choosing_a_language_while_signed_in_saves_it_and_a_second_browser_gets_it_at_sign_in()
    {
        var email = $"polyglot-{Guid.NewGuid():N}@test.local";
        await fixture.Factory.CreateUserAsync(email, Roles.Marketer);
        using var first = await fixture.Factory.SignedInClientAsync(email, AppFactory.DefaultPassword);

        var chosen = await first.GetAsync("/Culture/Set?culture=nl&redirectUri=/people", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.Equal("/people", chosen.Headers.Location?.OriginalString);
        Assert.Equal("nl", await SavedCultureAsync(email));
        Assert.Equal("nl", Lang(await first.GetStringAsync("/people", TestContext.Current.CancellationToken)));

        using var second = fixture.Factory.CreateNoRedirectClient();
        second.DefaultRequestHeaders.Add("Accept-Language", "en-US");
        Assert.Equal("en", Lang(await second.GetStringAsync("/Account/Login", TestContext.Current.CancellationToken)));
        var signIn = await AppFactory.PostLoginAsync(second, email, AppFactory.DefaultPassword);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith($"{CultureCookie}=c%3Dnl%7Cuic%3Dnl", StringComparison.Ordinal));
        Assert.Equal("nl", Lang(await second.GetStringAsync("/people", TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task Without_a_cookie_a_signed_in_user_gets_their_saved_language_and_the_cookie_back()
    {
        var email = $"saved-{Guid.NewGuid():N}@test.local";
        await fixture.Factory.CreateUserAsync(email, Roles.Marketer);
        using var client = await fixture.Factory.SignedInClientAsync(email, AppFactory.DefaultPassword);
        await SaveCultureAsync(email, "pt-BR");
        client.DefaultRequestHeaders.Add("Accept-Language", "de-DE");

        var response = await client.GetAsync("/people", TestContext.Current.CancellationToken);

        Assert.Equal("pt-BR", Lang(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith($"{CultureCookie}=c%3Dpt-BR%7Cuic%3Dpt-BR", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_link_from_another_site_sets_this_browsers_language_but_not_the_accounts()
    {
        var email = $"linked-{Guid.NewGuid():N}@test.local";
        await fixture.Factory.CreateUserAsync(email, Roles.Marketer);
        using var client = await fixture.Factory.SignedInClientAsync(email, AppFactory.DefaultPassword);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Culture/Set?culture=es&redirectUri=/people");
        request.Headers.Add("Sec-Fetch-Site", "cross-site");

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null(await SavedCultureAsync(email));
    }

    [Fact]
    public async Task A_language_the_app_does_not_offer_changes_nothing()
    {
        var email = $"odd-{Guid.NewGuid():N}@test.local";
        await fixture.Factory.CreateUserAsync(email, Roles.Marketer);
        using var client = await fixture.Factory.SignedInClientAsync(email, AppFactory.DefaultPassword);

        var response = await client.GetAsync("/Culture/Set?culture=ja&redirectUri=/people", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Null(await SavedCultureAsync(email));
    }

    [Fact]
    public async Task The_rest_api_answers_in_english_whatever_the_browser_asks()
    {
        using var client = fixture.Factory.CreateNoRedirectClient();
        client.DefaultRequestHeaders.Add("Accept-Language", "de-DE");

        var body = await client.GetStringAsync("/rest/v1/activities/types.json", TestContext.Current.CancellationToken);

        Assert.Contains("Access token", body, StringComparison.OrdinalIgnoreCase);
    }

    private async Task<string?> SavedCultureAsync(string email)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return (await users.Users.AsNoTracking().SingleAsync(u => u.Email == email, TestContext.Current.CancellationToken)).PreferredCulture;
    }

    private async Task SaveCultureAsync(string email, string culture)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(email);
        Assert.True((await scope.ServiceProvider.GetRequiredService<UserPreferences>().SetPreferredCultureAsync(user!.Id, culture)).Succeeded);
    }

    private static string Lang(string page) => HtmlLang().Match(page).Groups[1].Value;

    [GeneratedRegex("<html lang=\"([^\"]*)\"")]
    private static partial Regex HtmlLang();
}
