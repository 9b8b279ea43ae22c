using System.Net.Http.Headers;
using CustomActivities.Tests.Integration.Api;
using CustomActivities.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CustomActivities.Tests.Integration.Security;

public sealed class SecurityHeadersTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    public static TheoryData<string> Addresses =>
    [
        "/Account/Login", "/rest/v1/activities/types.json", "/identity/oauth/token", "/favicon.svg", "/_framework/blazor.web.js",
        "/nothing-here", "/health", "/openapi/v1.json",
    ];

    [Theory]
    [MemberData(nameof(Addresses))]
    public async Task Every_answer_carries_the_security_headers(string path)
    {
        using var http = fixture.Factory.CreateNoRedirectClient();

        using var response = await http.GetAsync(path, TestContext.Current.CancellationToken);

        AssertSecurityHeaders(response);
        var policy = Header(response, "Content-Security-Policy");
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
        Assert.Matches("script-src 'self' 'nonce-[A-Za-z0-9_-]{22}';", policy);
    }

    [Fact]
    public async Task A_page_gives_its_import_map_the_nonce_of_its_policy()
    {
        using var http = fixture.Factory.CreateNoRedirectClient();

        using var response = await http.GetAsync("/Account/Login", TestContext.Current.CancellationToken);

        var nonce = System.Text.RegularExpressions.Regex.Match(Header(response, "Content-Security-Policy"), "'nonce-([^']+)'").Groups[1].Value;
        var page = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains($"<script type=\"importmap\" nonce=\"{nonce}\">", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_reference_allows_its_one_inline_script_by_hash_not_unsafe_inline()
    {
        using var http = fixture.Factory.CreateNoRedirectClient();

        using var response = await http.GetAsync("/api-docs/", TestContext.Current.CancellationToken);

        AssertSecurityHeaders(response);
        var policy = Header(response, "Content-Security-Policy");
        Assert.Matches("script-src 'self' 'sha256-[A-Za-z0-9+/=]+';", policy);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src 'self' 'unsafe-inline'", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_form_post_still_carries_the_headers()
    {
        using var http = fixture.Factory.CreateNoRedirectClient();

        using var response = await http.PostAsync("/Account/Logout", new FormUrlEncodedContent([]), TestContext.Current.CancellationToken);

        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task Over_HTTPS_answers_send_HSTS_and_cookies_are_secure()
    {
        using var http = fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://customactivities.example"),
            AllowAutoRedirect = false,
        });

        using var login = await http.GetAsync("/Account/Login", TestContext.Current.CancellationToken);
        using var culture = await http.GetAsync("/Culture/Set?culture=fr&redirectUri=/", TestContext.Current.CancellationToken);

        Assert.StartsWith("max-age=31536000", Header(login, "Strict-Transport-Security"), StringComparison.Ordinal);
        var cookies = login.Headers.GetValues("Set-Cookie").Concat(culture.Headers.GetValues("Set-Cookie")).ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, cookie => Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Over_plain_HTTP_no_HSTS_is_sent()
    {
        using var http = fixture.Factory.CreateNoRedirectClient();

        using var response = await http.GetAsync("/Account/Login", TestContext.Current.CancellationToken);

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.False(response.Headers.Contains("Server"));
        Assert.Single(HeaderValues(response, "Content-Security-Policy"));
    }

    private static string Header(HttpResponseMessage response, string name) => Assert.Single(HeaderValues(response, name));

    private static IEnumerable<string> HeaderValues(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values
        : response.Content.Headers.TryGetValues(name, out var content) ? content : [];
}
