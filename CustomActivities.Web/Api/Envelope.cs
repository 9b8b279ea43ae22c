using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomActivities.Web.Api;

/// <summary>
/// Marketo's answer shape: {"requestId","success","result":[…],"errors":[…],"warnings":[],"moreResult"?,"nextPageToken"?},
/// HTTP 200 also for API-level errors. Written straight to the response with a Utf8JsonWriter.
/// </summary>
public sealed class Envelope : IResult
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new ApiDateTimeOffsetConverter(), new ApiDateTimeConverter() },
    };

    private readonly Action<Utf8JsonWriter>? writeResult;
    private readonly string? rawResult;
    private readonly IReadOnlyList<ApiError> errors;
    private readonly bool? moreResult;
    private readonly string? nextPageToken;
    private readonly int statusCode;

    private Envelope(Action<Utf8JsonWriter>? writeResult, string? rawResult, IReadOnlyList<ApiError> errors, bool? moreResult, string? nextPageToken, int statusCode)
    {
        this.writeResult = writeResult;
        this.rawResult = rawResult;
        this.errors = errors;
        this.moreResult = moreResult;
        this.nextPageToken = nextPageToken;
        this.statusCode = statusCode;
    }

    public static Envelope Success<T>(IEnumerable<T> result, bool? moreResult = null, string? nextPageToken = null) =>
        new(w => JsonSerializer.Serialize(w, result, JsonOptions), null, [], moreResult, nextPageToken, 200);

    public static Envelope Written(Action<Utf8JsonWriter> writeResult, bool? moreResult = null, string? nextPageToken = null) =>
        new(writeResult, null, [], moreResult, nextPageToken, 200);

    /// <summary>A result array already serialised (a stored idempotent answer).</summary>
    public static Envelope Raw(string resultJson) => new(null, resultJson, [], null, null, 200);

    public static Envelope Error(ApiError error, int statusCode = 200) => new(null, null, [error], null, null, statusCode);

    /// <summary>Every reason a call was refused (e.g. each rule an activity type definition breaks), most relevant first.</summary>
    public static Envelope Errors(IReadOnlyList<ApiError> errors) => new(null, null, errors, null, null, 200);

    public static string NewRequestId() =>
        $"{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(2))}#{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds():x}";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = "application/json; charset=utf-8";
        var buffer = new ArrayBufferWriter<byte>(4096);
        await using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("requestId", NewRequestId());
            json.WriteBoolean("success", errors.Count == 0);
            json.WritePropertyName("result");
            if (rawResult is not null)
            {
                json.WriteRawValue(rawResult, skipInputValidation: true);
            }
            else if (writeResult is not null && errors.Count == 0)
            {
                writeResult(json);
            }
            else
            {
                json.WriteStartArray();
                json.WriteEndArray();
            }
            json.WriteStartArray("errors");
            foreach (var error in errors)
            {
                json.WriteStartObject();
                json.WriteString("code", error.Code);
                json.WriteString("message", error.Message);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("warnings");
            json.WriteEndArray();
            if (moreResult is { } more)
            {
                json.WriteBoolean("moreResult", more);
            }
            if (nextPageToken is not null)
            {
                json.WriteString("nextPageToken", nextPageToken);
            }
            json.WriteEndObject();
        }
        response.ContentLength = buffer.WrittenCount;
        await response.Body.WriteAsync(buffer.WrittenMemory, httpContext.RequestAborted);
    }
}
