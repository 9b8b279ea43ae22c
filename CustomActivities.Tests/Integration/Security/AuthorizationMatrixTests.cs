using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using CustomActivities.Core.ApiClients;
using CustomActivities.Core.Users;
using CustomActivities.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CustomActivities.Tests.Integration.Security;

/// <summary>
/// Every endpoint and page the app maps (read from its own endpoint data source) against every kind of caller, checked
/// against <see cref="EndpointExpectations"/>: an endpoint nobody declared fails, so does any answer that lets the wrong
/// caller in or keeps the right one out.
/// </summary>
public sealed partial class AuthorizationMatrixTests : IAsyncLifetime
{
    private const string MarketerEmail = "matrix-marketer@test.local";
    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);
    private readonly AppFactory factory;
    private readonly List<Caller> callers = [];

    // Quick password hashes: the matrix is about who gets in, not about hashing (CI runs it on every push).
    public AuthorizationMatrixTests() => factory = new AppFactory().WithClock(clock).WithSetting("Api:RateLimitCalls", "1000000")
        .WithServices(services => services.Configure<Microsoft.AspNetCore.Identity.PasswordHasherOptions>(o => o.IterationCount = 1_000));

    private sealed record Caller(string Name, HttpClient Http, ApiPermission? Permission, bool IsAdmin = false, bool IsMarketer = false, string? TokenProblem = null);

    public async ValueTask InitializeAsync()
    {
        var api = new ApiHarness(factory);
        var expired = await api.TokenAsync(await api.CreateApiClientAsync(ApiPermission.Full));
        // Past the token lifetime (3,600 s): the first token is expired, the ones issued now are fresh.
        clock.Advance(TimeSpan.FromSeconds(3_601));
        await factory.CreateUserAsync(MarketerEmail, Roles.Marketer);
        callers.Add(new Caller("anonymous", factory.CreateNoRedirectClient(), null, TokenProblem: "601"));
        callers.Add(new Caller("marketer", await factory.SignedInClientAsync(MarketerEmail, AppFactory.DefaultPassword), null, IsMarketer: true, TokenProblem: "601"));
        callers.Add(new Caller("admin", await factory.SignedInClientAsync(), null, IsAdmin: true, TokenProblem: "601"));
        foreach (var permission in Enum.GetValues<ApiPermission>())
        {
            var token = await api.TokenAsync(await api.CreateApiClientAsync(permission));
            callers.Add(new Caller($"token:{permission}", WithToken(token), permission));
        }
        callers.Add(new Caller("expired token", WithToken(expired), null, TokenProblem: "602"));
        callers.Add(new Caller("garbage token", WithToken("garbage-" + new string('x', 40)), null, TokenProblem: "601"));
    }

    private HttpClient WithToken(string token)
    {
        var http = factory.CreateNoRedirectClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var caller in callers)
        {
            caller.Http.Dispose();
        }
        await factory.DisposeAsync();
    }

    /// <summary>The endpoints the app maps, keyed "METHODS pattern" (static files and the circuit's transport set apart).</summary>
    private IEnumerable<(string Key, RouteEndpoint Endpoint)> AppEndpoints() =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => !IsStaticFile(e) && !IsCircuitTransport(e))
            .Select(e => (Key(e), e));

    private static string Key(RouteEndpoint endpoint)
    {
        var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
        return $"{(methods is { Count: > 0 } ? string.Join(',', methods.Order(StringComparer.Ordinal)) : "*")} /{endpoint.RoutePattern.RawText!.TrimStart('/')}";
    }

    // MapStaticAssets maps one endpoint per file (anonymous by design: scripts, styles, the favicon).
    private static bool IsStaticFile(RouteEndpoint endpoint) =>
        endpoint.Metadata.Any(m => m.GetType().Name == "StaticAssetDescriptor") || endpoint.DisplayName?.StartsWith("Static asset", StringComparison.Ordinal) == true
        || endpoint.RoutePattern.RawText?.StartsWith("_framework/", StringComparison.Ordinal) == true;

    // Blazor's circuit (SignalR hub, negotiate, disconnect, initializers): the framework authorizes it per component.
    private static bool IsCircuitTransport(RouteEndpoint endpoint) =>
        endpoint.RoutePattern.RawText?.TrimStart('/').StartsWith("_blazor", StringComparison.Ordinal) == true;

    [Fact]
    public void Every_endpoint_and_page_has_a_declared_expectation()
    {
        var undeclared = AppEndpoints().Select(e => e.Key).Where(key => !EndpointExpectations.All.ContainsKey(key)).Distinct().ToList();
        var gone = EndpointExpectations.All.Keys.Except(AppEndpoints().Select(e => e.Key)).ToList();

        Assert.True(undeclared.Count == 0, "No expectation declared for:\n" + string.Join('\n', undeclared));
        Assert.True(gone.Count == 0, "Declared but not mapped (remove the line):\n" + string.Join('\n', gone));
    }

    [Fact]
    public async Task Every_caller_gets_what_the_expectation_table_says_on_every_endpoint_and_page()
    {
        var failures = new List<string>();
        var checks = 0;
        foreach (var (key, endpoint) in AppEndpoints().DistinctBy(e => e.Key))
        {
            if (!EndpointExpectations.All.TryGetValue(key, out var expectation))
            {
                failures.Add($"{key}: no expectation");
                continue;
            }
            var method = key.StartsWith("*", StringComparison.Ordinal) || key.Contains("GET", StringComparison.Ordinal) ? "GET" : key.Split(' ')[0].Split(',')[0];
            var path = SamplePath(endpoint.RoutePattern.RawText!);
            foreach (var caller in callers)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                using var response = await caller.Http.SendAsync(request, TestContext.Current.CancellationToken);
                var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
                checks++;
                if (Check(expectation, caller, response, body) is { } problem)
                {
                    failures.Add($"{method} {path} as {caller.Name}: {problem}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.True(checks > 300, $"{checks} checks");
    }

    private static string? Check(Expectation expectation, Caller caller, HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            return $"HTTP {status}";
        }
        var location = response.Headers.Location?.OriginalString ?? "";
        var toSignIn = status == 302 && location.Contains("/Account/Login", StringComparison.Ordinal);
        var denied = status == 302 && location.Contains("/Account/AccessDenied", StringComparison.Ordinal);
        var signedIn = caller.IsAdmin || caller.IsMarketer;
        switch (expectation)
        {
            case Expectation.Anyone:
                return toSignIn || denied ? $"sent to {location}" : null;
            case Expectation.SignedIn:
                return signedIn == !toSignIn && !denied ? null : $"HTTP {status} {location}";
            case Expectation.Admin:
                if (!signedIn)
                {
                    return toSignIn ? null : $"HTTP {status} {location}, expected sign-in";
                }
                return caller.IsAdmin == !denied && !toSignIn ? null : $"HTTP {status} {location}";
            case Expectation.TokenEndpoint:
                return status is 400 or 401 && JsonString(body, "error") is { Length: > 0 } ? null : $"HTTP {status} {body}";
            case Expectation.Api api:
                if (status != 200 || JsonDocumentOrNull(body) is not { } json)
                {
                    return $"HTTP {status}, not an envelope: {body[..Math.Min(body.Length, 80)]}";
                }
                using (json)
                {
                    var errors = json.RootElement.GetProperty("errors");
                    var code = errors.GetArrayLength() > 0 ? errors[0].GetProperty("code").GetString() : null;
                    var expected = caller.TokenProblem
                        ?? (Grants(caller.Permission!.Value).Contains(api.Access) ? null : "603");
                    if (expected is not null)
                    {
                        return code == expected ? null : $"{code ?? "success"}, expected {expected}";
                    }
                    return code is "601" or "602" or "603" ? $"{code}, expected to be let in" : null;
                }
            default:
                return "unknown expectation";
        }
    }

    /// <summary>What each permission is declared to allow (the API reference's table), independently of the code under test.</summary>
    private static ApiAccess[] Grants(ApiPermission permission) => permission switch
    {
        ApiPermission.Full => [ApiAccess.Read, ApiAccess.WriteData, ApiAccess.ManageTypes],
        ApiPermission.WriteActivitiesAndLeads => [ApiAccess.Read, ApiAccess.WriteData],
        ApiPermission.ReadOnly => [ApiAccess.Read],
        _ => throw new ArgumentOutOfRangeException(nameof(permission), permission, "a new permission needs its line here"),
    };

    private static JsonDocument? JsonDocumentOrNull(string body)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? JsonString(string body, string property)
    {
        using var json = JsonDocumentOrNull(body);
        return json?.RootElement.TryGetProperty(property, out var value) == true ? value.GetString() : null;
    }

    /// <summary>The pattern with a sample for each parameter: ids 1, names "matrixType", catch-alls "x".</summary>
    private static string SamplePath(string pattern) => "/" + Parameter().Replace(pattern.TrimStart('/'), m => m.Groups[1].Value.ToLowerInvariant() switch
    {
        "id" => "1",
        "documentname" => "v1",
        "apiname" or "editapiname" => "matrixType",
        _ => "x",
    });

    [GeneratedRegex(@"\{\**(\w+)[^}]*\}")]
    private static partial Regex Parameter();
}
