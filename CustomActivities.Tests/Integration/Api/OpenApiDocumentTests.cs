using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using CustomActivities.Web.Api;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace CustomActivities.Tests.Integration.Api;

/// <summary>The generated OpenAPI document against the endpoints the app really maps, and the reference page over it.</summary>
public sealed partial class OpenApiDocumentTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static readonly string[] ApiPrefixes = ["/rest/", "/identity/"];

    [Fact]
    public async Task Every_mapped_rest_and_identity_endpoint_is_documented_with_its_method_route_and_query_parameters()
    {
        using var document = await DocumentAsync();
        var paths = document.RootElement.GetProperty("paths");
        var endpoints = ApiEndpoints();

        Assert.Contains(endpoints, e => e.Endpoint.RoutePattern.RawText == "/identity/oauth/token" && e.Method == "POST");
        Assert.Contains(endpoints, e => e.Endpoint.RoutePattern.RawText == "/rest/v1/activities.json" && e.Method == "GET");
        foreach (var (endpoint, method) in endpoints)
        {
            var path = endpoint.RoutePattern.RawText!;
            Assert.True(paths.TryGetProperty(path, out var item), $"{path} is not in the document");
            Assert.True(item.TryGetProperty(method.ToLowerInvariant(), out var operation), $"{method} {path} is not in the document");
            var parameters = operation.TryGetProperty("parameters", out var list) ? list.EnumerateArray().ToList() : [];
            foreach (var route in endpoint.RoutePattern.Parameters)
            {
                Assert.Contains(parameters, p => p.GetProperty("in").GetString() == "path" && p.GetProperty("name").GetString() == route.Name
                    && p.GetProperty("required").GetBoolean());
            }
            foreach (var query in endpoint.Metadata.GetOrderedMetadata<ApiQueryParameter>())
            {
                var documented = Assert.Single(parameters, p => p.GetProperty("in").GetString() == "query" && p.GetProperty("name").GetString() == query.Name);
                Assert.Equal(query.Description, documented.GetProperty("description").GetString());
                Assert.Equal(query.Required, documented.TryGetProperty("required", out var required) && required.GetBoolean());
            }
        }
    }

    [Fact]
    public async Task Only_the_API_is_in_the_document_in_valid_OpenAPI_3_1()
    {
        using var document = await DocumentAsync();

        Assert.StartsWith("3.1", document.RootElement.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var read = OpenApiDocument.Parse(document.RootElement.GetRawText(), "json");
        Assert.Empty(read.Diagnostic!.Errors);
        Assert.Empty(read.Document!.Validate(ValidationRuleSet.GetDefaultRuleSet())!);
        var documented = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.All(documented, path => Assert.Contains(ApiPrefixes, prefix => path.StartsWith(prefix, StringComparison.Ordinal)));
        Assert.Equal(ApiEndpoints().Select(e => e.Endpoint.RoutePattern.RawText).Distinct().Order(), documented.Order());
    }

    [Fact]
    public async Task The_description_holds_every_error_code_and_each_secured_operation_its_permission_and_token_schemes()
    {
        using var document = await DocumentAsync();
        var root = document.RootElement;

        var description = root.GetProperty("info").GetProperty("description").GetString()!;
        foreach (var (code, level, meaning) in ApiErrors.All)
        {
            Assert.Contains($"| {code} | {level} | {meaning} |", description, StringComparison.Ordinal);
        }
        var schemes = root.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("http", schemes.GetProperty("bearer").GetProperty("type").GetString());
        Assert.Equal("bearer", schemes.GetProperty("bearer").GetProperty("scheme").GetString());
        Assert.Equal("apiKey", schemes.GetProperty("access_token").GetProperty("type").GetString());
        Assert.Equal("query", schemes.GetProperty("access_token").GetProperty("in").GetString());
        Assert.Equal("access_token", schemes.GetProperty("access_token").GetProperty("name").GetString());

        foreach (var (endpoint, method) in ApiEndpoints())
        {
            var operation = root.GetProperty("paths").GetProperty(endpoint.RoutePattern.RawText!).GetProperty(method.ToLowerInvariant());
            if (endpoint.Metadata.GetMetadata<ApiAccessRequirement>() is null)
            {
                Assert.False(operation.TryGetProperty("security", out _), $"{method} {endpoint.RoutePattern.RawText} needs no token");
                continue;
            }
            Assert.Contains("**Permission:**", operation.GetProperty("description").GetString(), StringComparison.Ordinal);
            var alternatives = operation.GetProperty("security").EnumerateArray().SelectMany(r => r.EnumerateObject().Select(s => s.Name)).ToList();
            Assert.Equal(["bearer", "access_token"], alternatives);
            Assert.Equal("#/components/schemas/Envelope",
                operation.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
        }
    }

    [Fact]
    public async Task Every_example_body_is_documented_as_the_endpoint_declares_it()
    {
        using var document = await DocumentAsync();

        var withExamples = ApiEndpoints().Where(e => e.Endpoint.Metadata.GetMetadata<ApiBodyExample>() is not null).ToList();
        Assert.NotEmpty(withExamples);
        foreach (var (endpoint, method) in withExamples)
        {
            var example = endpoint.Metadata.GetMetadata<ApiBodyExample>()!;
            var body = document.RootElement.GetProperty("paths").GetProperty(endpoint.RoutePattern.RawText!).GetProperty(method.ToLowerInvariant()).GetProperty("requestBody");
            var documented = body.GetProperty("content").GetProperty(example.ContentType).GetProperty("example");
            using var expected = JsonDocument.Parse(example.Json);
            Assert.True(JsonElement.DeepEquals(expected.RootElement, documented), $"{method} {endpoint.RoutePattern.RawText}");
        }
        var tokenForm = document.RootElement.GetProperty("paths").GetProperty("/identity/oauth/token").GetProperty("post").GetProperty("requestBody")
            .GetProperty("content").GetProperty("application/x-www-form-urlencoded").GetProperty("schema").GetProperty("$ref").GetString();
        var tokenRequest = document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty(tokenForm!.Split('/')[^1]).GetProperty("properties");
        Assert.Equal(["grant_type", "client_id", "client_secret"], tokenRequest.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task The_reference_page_answers_with_html_that_loads_only_the_apps_own_assets()
    {
        using var http = fixture.Factory.CreateClient();

        var page = await http.GetAsync("/api-docs", TestContext.Current.CancellationToken);
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.StartsWith("text/html", page.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        var assets = AssetReference().Matches(html).Select(m => m.Groups["url"].Value).ToList();
        Assert.Contains("scalar.js", assets);
        foreach (var asset in assets)
        {
            Assert.DoesNotMatch("^(https?:)?//", asset);
            var answer = await http.GetAsync(new Uri(page.RequestMessage!.RequestUri!, asset), TestContext.Current.CancellationToken);
            Assert.True(answer.StatusCode == HttpStatusCode.OK, $"{asset}: {answer.StatusCode}");
        }
        Assert.DoesNotMatch("https?://", html);
        // Left on, these would have the page call Scalar's servers: web fonts, telemetry and the AI chat.
        Assert.Contains("\"withDefaultFonts\":false", html, StringComparison.Ordinal);
        Assert.Contains("\"telemetry\":false", html, StringComparison.Ordinal);
        Assert.Contains("\"agent\":{\"disabled\":true}", html, StringComparison.Ordinal);
        Assert.Contains("\"url\":\"openapi/v1.json\"", html, StringComparison.Ordinal);
    }

    private async Task<JsonDocument> DocumentAsync()
    {
        using var http = fixture.Factory.CreateClient();
        var response = await http.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>What the app maps under /rest and /identity, one entry per HTTP method, as its router knows it.</summary>
    private List<(RouteEndpoint Endpoint, string Method)> ApiEndpoints() =>
        [.. fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && ApiPrefixes.Any(prefix => raw.StartsWith(prefix, StringComparison.Ordinal)))
            .Where(e => e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>()?.ExcludeFromDescription != true)
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.Select(method => (e, method)))];

    [GeneratedRegex("""(?:src|href)="(?<url>[^"]+)"|from\s+'(?<url>[^']+)'""")]
    private static partial Regex AssetReference();
}
