using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace CustomActivities.Tests.Reliability;

/// <summary>What a fuzz run found: every count but <see cref="Tried"/> should be zero, and the file intact.</summary>
/// <remarks>
/// <see cref="RefusedByKestrel"/>: calls the HTTP server itself refuses before the app sees them (414 for a request line
/// over Kestrel's 8 KB, 431 for headers over 32 KB), with no body; counted apart, as no app code can answer them.
/// </remarks>
public sealed record FuzzReport(int Tried, int ServerErrors, int NotMarketoAnswers, int StoredByRefusedCalls, int RefusedByKestrel, string IntegrityCheck,
    IReadOnlyList<string> Examples)
{
    public bool Clean => ServerErrors == 0 && NotMarketoAnswers == 0 && StoredByRefusedCalls == 0 && IntegrityCheck == "ok";

    public override string ToString() =>
        $"tried {Tried:N0}, 5xx {ServerErrors}, not a Marketo answer {NotMarketoAnswers}, stored by refused calls {StoredByRefusedCalls}, "
        + $"refused by Kestrel before the app (414/431) {RefusedByKestrel}, integrity_check {IntegrityCheck}"
        + string.Concat(Examples.Select(e => "\n  " + e));
}

/// <summary>
/// Sends <see cref="HostileRequests"/> one at a time and checks each answer: never 5xx; /rest answers are Marketo's
/// envelope (requestId, success, errors); /identity answers are a token or OAuth's {error, error_description}; a call
/// refused as a whole leaves the data as it was. Ends with SQLite's PRAGMA integrity_check.
/// </summary>
public static class FuzzRun
{
    public static async Task<FuzzReport> RunAsync(HttpClient http, string token, string databasePath, HostileRequests requests, int count,
        Action<FuzzReport>? progress = null, CancellationToken cancellationToken = default)
    {
        await using var database = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        await database.OpenAsync(cancellationToken);
        int serverErrors = 0, notMarketo = 0, stored = 0, kestrel = 0;
        var examples = new List<string>();
        void Note(string what, HostileRequest request, string body)
        {
            if (examples.Count < 20)
            {
                examples.Add($"{what}: {request.Kind} {request.Method} {request.Path[..Math.Min(request.Path.Length, 120)]} -> {body[..Math.Min(body.Length, 200)]}");
            }
        }

        for (var i = 0; i < count; i++)
        {
            var request = requests.Next();
            var before = await FingerprintAsync(database, cancellationToken);
            using var message = request.ToMessage(token);
            using var response = await http.SendAsync(message, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var status = (int)response.StatusCode;
            if (status >= 500)
            {
                serverErrors++;
                Note($"HTTP {status}", request, body);
                continue;
            }
            if (status is 414 or 431 && body.Length == 0)
            {
                kestrel++;
                continue;
            }
            var (marketo, refused) = request.IsIdentity ? ReadOAuth(status, body) : ReadEnvelope(status, body);
            if (!marketo)
            {
                notMarketo++;
                Note($"HTTP {status}, not a Marketo answer", request, body);
            }
            if (refused && await FingerprintAsync(database, cancellationToken) != before)
            {
                stored++;
                Note("refused but stored", request, body);
            }
            if (progress is not null && (i + 1) % 5_000 == 0)
            {
                progress(new FuzzReport(i + 1, serverErrors, notMarketo, stored, kestrel, "not checked yet", examples));
            }
        }

        await using var check = database.CreateCommand();
        check.CommandText = "PRAGMA integrity_check;";
        var integrity = (string?)await check.ExecuteScalarAsync(cancellationToken) ?? "no answer";
        return new FuzzReport(count, serverErrors, notMarketo, stored, kestrel, integrity, examples);
    }

    private static (bool Marketo, bool Refused) ReadEnvelope(int status, string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            var shaped = status is 200 or 413 && root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("requestId", out var id) && id.ValueKind == JsonValueKind.String
                && root.TryGetProperty("success", out var success) && success.ValueKind is JsonValueKind.True or JsonValueKind.False
                && root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array
                && (success.ValueKind == JsonValueKind.True) == (errors.GetArrayLength() == 0);
            return (shaped, !shaped || root.GetProperty("success").ValueKind == JsonValueKind.False);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return (false, true);
        }
    }

    private static (bool Marketo, bool Refused) ReadOAuth(int status, string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            var shaped = status == 200
                ? root.TryGetProperty("access_token", out var token) && token.ValueKind == JsonValueKind.String
                : status is 400 or 401 or 429 && root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String
                    && root.TryGetProperty("error_description", out _);
            return (shaped, status != 200);
        }
        catch (JsonException)
        {
            return (false, true);
        }
    }

    /// <summary>What a stored change would move: the last activity id and the row counts of what the API creates.</summary>
    private static async Task<string> FingerprintAsync(SqliteConnection database, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand();
        command.CommandText = """
            SELECT (SELECT IFNULL(MAX(Id), 0) FROM Activities) || '/' || (SELECT COUNT(*) FROM People) || '/' || (SELECT COUNT(*) FROM ActivityTypes)
                || '/' || (SELECT COUNT(*) FROM ActivityTypeVersions) || '/' || (SELECT COUNT(*) FROM ActivityFields);
            """;
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
