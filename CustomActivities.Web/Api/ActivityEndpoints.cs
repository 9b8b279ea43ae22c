using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using CustomActivities.Core.Activities;
using CustomActivities.Core.ApiClients;
using Microsoft.Extensions.Options;

namespace CustomActivities.Web.Api;

/// <summary>Adding custom activities (with dry run and idempotency) and reading activities page by page.</summary>
public static class ActivityEndpoints
{
    public const string IdempotencyHeader = "Idempotency-Key";


    public static void Map(RouteGroupBuilder rest)
    {
        rest.MapPost("/activities/external.json", AddAsync)
            .Requires(ApiAccess.WriteData)
            .WithSummary("Add custom activities")
            .WithDescription("""
                Body {"input":[{leadId, activityDate, activityTypeId or apiName, primaryAttributeValue, attributes:[{apiName or name, value}]}]}, at most 300 records.
                Each record is checked against the approved (live) version of its type. Result per record, in input order: {id, marketoGUID, status:"added"} or
                {status:"skipped", reasons:[{code, message}]} (1001 wrong type, 1002 missing value, 1003 invalid / type not approved or archived, 1004 lead not found, 1006 field not found).
                The added records of one call commit in one transaction. ?dryRun=true validates and answers the same way without storing.
                An Idempotency-Key header (at most 255 characters) makes a retry return the first answer and add nothing (709 if reused with another body).
                """)
            .WithQuery("dryRun", "true: validate and answer as a real call would, storing nothing")
            .WithMetadata(new ApiBodyExample("""
                {"input":[{"leadId":1,"activityDate":"2026-11-22T09:00:00Z","apiName":"webinarAttended","primaryAttributeValue":"Intro to APIs",
                  "attributes":[{"apiName":"minutesWatched","value":42}]}]}
                """));

        rest.MapGet("/activities/pagingtoken.json", (HttpContext http) =>
            {
                var since = http.Request.Query["sinceDatetime"].FirstOrDefault();
                if (string.IsNullOrEmpty(since))
                {
                    return Envelope.Error(ApiErrors.Missing("sinceDatetime"));
                }
                if (!FieldValueParser.TryParseDateTime(since, out var instant))
                {
                    return Envelope.Error(ApiErrors.Invalid($"Invalid sinceDatetime '{since}': ISO 8601 expected"));
                }
                return Envelope.Written(w => { w.WriteStartArray(); w.WriteEndArray(); }, nextPageToken: ActivityPaging.TokenFor(instant));
            })
            .Requires(ApiAccess.Read)
            .WithQuery("sinceDatetime", "ISO 8601 date and time", required: true)
            .WithSummary("Get a paging token for a date and time")
            .WithDescription("sinceDatetime=ISO 8601. The token is a position (activity date, id); pass it to activities.json.");

        rest.MapGet("/activities.json", ReadAsync)
            .Requires(ApiAccess.Read)
            .WithQuery("nextPageToken", "token from pagingtoken.json or the previous page", required: true)
            .WithQuery("activityTypeIds", "comma-separated, at most 10")
            .WithQuery("leadIds", "comma-separated, at most 30")
            .WithQuery("listId", "only activities of the members of this static list (1013 when there is no such list)")
            .WithQuery("batchSize", "1 to 300 (default 300)")
            .WithSummary("Get activities, oldest first, page by page")
            .WithDescription("nextPageToken (required), activityTypeIds (comma-separated, at most 10), leadIds (at most 30), batchSize (at most 300). Pages continue after the last row by key (never OFFSET): nothing is skipped or repeated while activities are added. moreResult tells whether another page is waiting; nextPageToken is always returned." + MethodTunnelling.Note);
    }

    private static async Task<IResult> AddAsync(HttpContext http, ActivityIngestion ingestion, IOptionsMonitor<ApiOptions> options)
    {
        var (body, refusal) = await RequestBody.ReadJsonAsync(http);
        if (refusal is not null)
        {
            return refusal;
        }
        using (body)
        {
            var inputs = ActivityInputReader.Read(body!.Span, out var error);
            if (inputs is null)
            {
                return Envelope.Error(ApiErrors.InvalidJson(error!));
            }
            if (inputs.Count == 0)
            {
                return Envelope.Error(ApiErrors.Missing("input"));
            }
            var max = options.CurrentValue.MaxBatchSize;
            if (inputs.Count > max)
            {
                return Envelope.Error(ApiErrors.Invalid($"Too many records: at most {max} per call, {inputs.Count} sent"));
            }
            var key = http.Request.Headers[IdempotencyHeader].FirstOrDefault();
            if (key is { Length: 0 or > 255 })
            {
                return Envelope.Error(ApiErrors.Invalid("Idempotency-Key must have 1 to 255 characters"));
            }
            var dryRun = string.Equals(http.Request.Query["dryRun"].FirstOrDefault(), "true", StringComparison.OrdinalIgnoreCase);
            var hash = key is null ? null : Convert.ToHexStringLower(SHA256.HashData(body.Span));
            var caller = ApiAuthentication.Caller(http);
            var answer = await ingestion.IngestAsync(caller.ClientId, inputs, dryRun, key, hash, http.RequestAborted);
            if (answer.Refusal is not null)
            {
                return Envelope.Error(ApiErrors.From(answer.Refusal));
            }
            if (answer.Replayed)
            {
                http.Response.Headers["Idempotent-Replayed"] = "true";
            }
            return Envelope.Raw(answer.ResultJson);
        }
    }

    private static async Task<IResult> ReadAsync(HttpContext http, ActivityPaging paging, Core.Lists.StaticListService lists)
    {
        var query = http.Request.Query;
        List<int> typeIds = [];
        var (page, refusal) = ActivityPageQuery.TryRead(query,
            () => ApiQuery.Ints(query["activityTypeIds"].FirstOrDefault(), "activityTypeIds", out typeIds, ActivityPaging.MaxTypeFilters));
        if (page is null)
        {
            return refusal!;
        }
        var activities = await paging.ReadAsync(page.Position, typeIds, page.LeadIds, page.BatchSize, http.RequestAborted, page.ListId);
        if (await page.UnknownListAsync(activities.Activities.Count, lists, http.RequestAborted) is { } unknownList)
        {
            return unknownList;
        }
        return Envelope.Written(json => WriteActivities(json, activities.Activities), activities.MoreResult, activities.NextPageToken);
    }

    /// <summary>The properties every activity record starts with (activities.json and leadchanges.json).</summary>
    internal static void WriteHeader(Utf8JsonWriter json, ActivityRow row)
    {
        json.WriteNumber("id", row.Id);
        json.WriteString("marketoGUID", row.Id.ToString(CultureInfo.InvariantCulture));
        json.WriteNumber("leadId", row.LeadId);
        json.WriteString("activityDate", FieldValueParser.FormatDateTime(row.OccurredAt));
        json.WriteNumber("activityTypeId", row.ActivityTypeId);
    }

    private static void WriteActivities(Utf8JsonWriter json, IReadOnlyList<ActivityRow> rows)
    {
        json.WriteStartArray();
        foreach (var row in rows)
        {
            json.WriteStartObject();
            WriteHeader(json, row);
            if (row.PrimaryValueId is { } primaryId)
            {
                json.WriteNumber("primaryAttributeValueId", primaryId);
            }
            json.WriteString("primaryAttributeValue", row.PrimaryValue);
            json.WriteStartArray("attributes");
            if (row.Attributes is not null)
            {
                using var document = JsonDocument.Parse(row.Attributes);
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    json.WriteStartObject();
                    json.WriteString("name", property.Name);
                    json.WritePropertyName("value");
                    property.Value.WriteTo(json);
                    json.WriteEndObject();
                }
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }
}
