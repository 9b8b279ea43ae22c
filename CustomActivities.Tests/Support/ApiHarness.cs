using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CustomActivities.Core.ActivityTypes;
using CustomActivities.Core.ApiClients;
using CustomActivities.Core.People;
using CustomActivities.Core.Persistence;
using CustomActivities.Tests.Builders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomActivities.Tests.Support;

/// <summary>An answer of the REST API: the HTTP status and the parsed JSON body.</summary>
public sealed record ApiAnswer(int Status, JsonElement Json)
{
    public bool Success => Json.GetProperty("success").GetBoolean();
    public JsonElement Result => Json.GetProperty("result");
    public string? ErrorCode => Json.TryGetProperty("errors", out var errors) && errors.GetArrayLength() > 0 ? errors[0].GetProperty("code").GetString() : null;

    /// <summary>The reason codes of each result record ("added" for an added one).</summary>
    public IReadOnlyList<string> RecordOutcomes => [.. Result.EnumerateArray().Select(r => r.GetProperty("status").GetString() == "skipped"
        ? string.Join(",", r.GetProperty("reasons").EnumerateArray().Select(x => x.GetProperty("code").GetString()))
        : r.GetProperty("status").GetString()!)];
}

/// <summary>Drives the REST API of an <see cref="AppFactory"/>: clients, tokens, seeded types and persons, calls.</summary>
public sealed class ApiHarness(AppFactory factory)
{
    public AppFactory Factory => factory;

    public async Task<ApiClientSecret> CreateApiClientAsync(ApiPermission permission = ApiPermission.Full, string? name = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ApiClientService>().CreateAsync(name ?? $"client-{Guid.NewGuid():N}", permission)).Value!;
    }

    public async Task<string> TokenAsync(ApiClientSecret client)
    {
        using var http = factory.CreateClient();
        var response = await http.GetAsync($"/identity/oauth/token?grant_type=client_credentials&client_id={client.ClientId}&client_secret={client.Secret}");
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>An HTTP client with a token of a new client of the given permission.</summary>
    public async Task<HttpClient> ClientAsync(ApiPermission permission = ApiPermission.Full)
    {
        var token = await TokenAsync(await CreateApiClientAsync(permission));
        return WithToken(token);
    }

    public HttpClient WithToken(string token)
    {
        var http = factory.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    public async Task<ActivityType> SeedTypeAsync(ActivityTypeBuilder builder)
    {
        var type = builder.Build();
        await using var context = NewContext();
        context.ActivityTypes.Add(type);
        await context.SaveChangesAsync();
        return type;
    }

    public async Task<int> SeedPersonAsync(PersonBuilder? builder = null)
    {
        var person = (builder ?? A.Person).Build();
        await using var context = NewContext();
        context.People.Add(person);
        await context.SaveChangesAsync();
        return person.Id;
    }

    public AppDbContext NewContext()
    {
        var scope = factory.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
    }

    public async Task<int> ActivityCountAsync()
    {
        await using var context = NewContext();
        return await context.Activities.CountAsync();
    }

    public static async Task<ApiAnswer> PostAsync(HttpClient http, string path, string json, string contentType = "application/json", string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, contentType) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        return await SendAsync(http, request);
    }

    public static Task<ApiAnswer> GetAsync(HttpClient http, string path) => SendAsync(http, new HttpRequestMessage(HttpMethod.Get, path));

    private static async Task<ApiAnswer> SendAsync(HttpClient http, HttpRequestMessage request)
    {
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(body);
        return new ApiAnswer((int)response.StatusCode, document.RootElement.Clone());
    }

    /// <summary>{"input":[…]} for the given records.</summary>
    public static string Input(params object[] records) => JsonSerializer.Serialize(new { input = records });

    public static object Activity(int leadId, object typeIdOrApiName, object? primary, object[]? attributes = null, string date = "2026-11-01T10:00:00Z") =>
        typeIdOrApiName is int id
            ? new { leadId, activityDate = date, activityTypeId = id, primaryAttributeValue = primary, attributes = attributes ?? [] }
            : new { leadId, activityDate = date, apiName = (string)typeIdOrApiName, primaryAttributeValue = primary, attributes = attributes ?? [] };

    public static object Attr(string apiName, object? value) => new { apiName, value };
}
