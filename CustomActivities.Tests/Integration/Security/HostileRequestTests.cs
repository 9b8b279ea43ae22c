using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CustomActivities.Tests.Integration.Api;
using CustomActivities.Tests.Support;

namespace CustomActivities.Tests.Integration.Security;

/// <summary>Requests an attacker or a careless integration sends: each gets a documented answer, never a 500.</summary>
public sealed partial class HostileRequestTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private const string TokenPath = "/identity/oauth/token";

    public static TheoryData<string, string> OddTokenRequests => new()
    {
        { "application/x-www-form-urlencoded; charset=utf-7", "grant_type=client_credentials&client_id=a&client_secret=b" },
        { "multipart/form-data; boundary=xyz", "this is not multipart at all" },
        { "multipart/form-data; boundary=xyz", $"--xyz\r\nContent-Disposition: form-data; name=\"grant_type\"\r\nX-Long: {new string('a', 17_000)}\r\n\r\nclient_credentials\r\n--xyz--\r\n" },
        { "multipart/form-data", "--xyz\r\n\r\n" },
        { "application/x-www-form-urlencoded", string.Join('&', Enumerable.Range(0, 1_100).Select(i => $"f{i}=x")) },
        { "application/x-www-form-urlencoded", "grant_type=client_credentials&client_id=a&client_secret=%00" },
        { "application/x-www-form-urlencoded", "grant_type=client_credentials&client_id=%FF%FE&client_secret=%C3" },
        { "application/x-www-form-urlencoded", "grant_type=client_credentials&client_id=" + new string('a', 200_000) },
        { "text/plain; charset=nonsense-charset", "grant_type=client_credentials" },
    };

    [Theory]
    [MemberData(nameof(OddTokenRequests))]
    public async Task Odd_token_requests_get_an_OAuth_error_never_a_500(string contentType, string body)
    {
        using var http = fixture.Factory.CreateClient();
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        using var response = await http.PostAsync(TokenPath, content, TestContext.Current.CancellationToken);

        Assert.Contains((int)response.StatusCode, new[] { 400, 401 });
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("error").GetString()));
        Assert.Equal(JsonValueKind.String, json.RootElement.GetProperty("error_description").ValueKind);
    }

    [Theory]
    [InlineData("/rest/v1/activities/external.json", """{"input":[{"leadId":1,"activityDate":"2026-11-01T00:00:00Z","apiName":"X","primaryAttributeValue":"@"}]}""")]
    [InlineData("/rest/v1/leads.json", """{"input":[{"email":"@"}]}""")]
    [InlineData("/rest/v1/activities/external/type.json", """{"apiName":"@","name":"n"}""")]
    [InlineData("/rest/v1/activities/external.json", """{"input":[{"@":1}]}""")]
    public async Task Invalid_UTF8_inside_a_JSON_string_is_609_not_611(string path, string template)
    {
        using var http = await fixture.Api.ClientAsync();
        var parts = template.Split('@');
        byte[] body = [.. Encoding.UTF8.GetBytes(parts[0]), 0xC3, 0x28, 0xFF, .. Encoding.UTF8.GetBytes(parts[1])];
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await http.PostAsync(path, content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("609", json.RootElement.GetProperty("errors")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_lone_surrogate_escape_in_a_JSON_string_is_609()
    {
        using var http = await fixture.Api.ClientAsync();

        var answer = await ApiHarness.PostAsync(http, "/rest/v1/leads.json", """{"input":[{"email":"\udc00@example.com"}]}""");

        Assert.Equal("609", answer.ErrorCode);
    }

    public static TheoryData<string> ForeignReturnUrls =>
    [
        "https://evil.example/", "//evil.example/", "/\\evil.example/", "javascript:alert(1)", "\\\\evil.example", "/%5Cevil.example",
        "http:evil.example", "///evil.example", " //evil.example", "\t/\\evil.example", "data:text/html,hi", "~/../evil",
    ];

    [Theory]
    [MemberData(nameof(ForeignReturnUrls))]
    public async Task Signing_in_with_a_foreign_return_url_lands_on_a_local_page(string returnUrl)
    {
        using var client = fixture.Factory.CreateNoRedirectClient();

        var response = await AppFactory.PostFormAsync(client, "/Account/Login?ReturnUrl=" + Uri.EscapeDataString(returnUrl), "login", new()
        {
            ["Input.Email"] = AppFactory.AdminEmail,
            ["Input.Password"] = AppFactory.AdminPassword,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        AssertLocal(response.Headers.Location!);
    }

    [Theory]
    [MemberData(nameof(ForeignReturnUrls))]
    public async Task The_language_picker_redirects_only_to_local_pages(string redirectUri)
    {
        using var client = fixture.Factory.CreateNoRedirectClient();

        var response = await client.GetAsync("/Culture/Set?culture=fr&redirectUri=" + Uri.EscapeDataString(redirectUri), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        AssertLocal(response.Headers.Location!);
    }

    [Theory]
    [MemberData(nameof(ForeignReturnUrls))]
    public async Task Signing_out_redirects_only_to_local_pages(string returnUrl)
    {
        using var client = await fixture.Factory.SignedInClientAsync();
        var page = await client.GetStringAsync("/Account/Manage/ChangePassword", TestContext.Current.CancellationToken);
        var token = AntiforgeryToken().Match(page).Groups[1].Value;

        var response = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["returnUrl"] = returnUrl,
        }), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        AssertLocal(response.Headers.Location!);
    }

    [Fact]
    public async Task Signing_out_without_an_antiforgery_token_is_refused_with_a_page_not_a_500()
    {
        using var client = await fixture.Factory.SignedInClientAsync();

        var response = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["returnUrl"] = "/" }),
            TestContext.Current.CancellationToken);

        Assert.InRange((int)response.StatusCode, 300, 499);
        Assert.NotEmpty(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Theory]
    [InlineData("GET", "/rest/v1/nothing-here.json")]
    [InlineData("POST", "/rest/v1/leads/nowhere.json")]
    [InlineData("GET", "/rest/v2/activities.json")]
    [InlineData("DELETE", "/rest/v1/leads.json")]
    public async Task An_unknown_rest_path_checks_the_token_first(string method, string path)
    {
        using var anonymous = fixture.Factory.CreateClient();
        using var signedIn = await fixture.Api.ClientAsync();

        var withoutToken = await Send(anonymous, method, path);
        var withToken = await Send(signedIn, method, path);

        Assert.Equal("601", withoutToken);
        Assert.Equal("610", withToken);
    }

    private static async Task<string?> Send(HttpClient http, string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return json.RootElement.GetProperty("errors")[0].GetProperty("code").GetString();
    }

    private static void AssertLocal(Uri location)
    {
        var text = location.OriginalString;
        Assert.False(location.IsAbsoluteUri && location.Host != "localhost", text);
        var path = location.IsAbsoluteUri ? location.PathAndQuery : text;
        Assert.StartsWith("/", path, StringComparison.Ordinal);
        Assert.False(path.StartsWith("//", StringComparison.Ordinal) || path.StartsWith("/\\", StringComparison.Ordinal), text);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
