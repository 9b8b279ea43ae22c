using CustomActivities.Core.ActivityTypes;
using CustomActivities.Core.Lists;
using CustomActivities.Core.Results;

namespace CustomActivities.Web.Api;

/// <summary>An error in the Marketo envelope: codes are strings on the wire, as Marketo sends them.</summary>
public sealed record ApiError(string Code, string Message);

/// <summary>
/// Every code the REST API can return (the API reference and the OpenAPI document list these), and the one mapping of
/// Core's refusals (<see cref="Problem"/>) to them.
/// </summary>
public static class ApiErrors
{
    public static readonly IReadOnlyList<(string Code, string Level, string Meaning)> All =
    [
        ("413", "HTTP 413", "Request body larger than the limit (Api:MaxBodyBytes, 1 MB)"),
        ("601", "call", "Access token invalid (missing, unknown, forged, or its client was revoked or rotated)"),
        ("602", "call", "Access token expired"),
        ("603", "call", "Access denied: the client's permission does not allow this endpoint"),
        ("606", "call", "Max rate limit exceeded (Api:RateLimitCalls calls in Api:RateLimitWindowSeconds, default 100 in 20 s)"),
        ("607", "call", "Daily quota reached (Api:DailyQuota calls per UTC day, default 50,000)"),
        ("609", "call", "Invalid JSON"),
        ("610", "call", "Requested resource not found"),
        ("611", "call", "System error (nothing of the call was stored)"),
        ("612", "call", "Invalid content type (POST bodies must be application/json)"),
        ("615", "call", "Concurrent access limit reached (Api:MaxConcurrentCalls, default 10)"),
        ("709", "call", "Blocked by a business rule (Idempotency-Key reused with another body, createOnly with lookupField id; activity types: duplicate API, trigger or filter name, limits, what cannot change after approval, self-approval, no draft, archived, has activities, concurrent change)"),
        ("1001", "record/call", "Invalid value for the field's data type (also a non-integer id in filterValues with filterType=id, activityTypeIds or leadIds)"),
        ("1002", "record/call", "Missing value for a required field or parameter"),
        ("1003", "record/call", "Invalid data (unknown, unapproved or archived activity type; too many records or filters; value too long; invalid activity type definition: names, data type, attribute sent twice or already there, two primary attributes)"),
        ("1004", "record", "Lead not found"),
        ("1005", "record", "Lead already exists (createOnly)"),
        ("1006", "record/call", "Field not found (also an unknown attribute of an activity type)"),
        ("1013", "call", "Object not found: the static list of a lists call or of activities.json's listId does not exist"),
        ("1015", "record", "Lead not in list (removing a lead that is not a member of the static list)"),
    ];

    public static ApiError TokenInvalid => new("601", "Access token invalid");
    public static ApiError TokenExpired => new("602", "Access token expired");
    public static ApiError AccessDenied => new("603", "Access denied");
    public static ApiError RateLimited => new("606", "Max rate limit exceeded");
    public static ApiError QuotaReached => new("607", "Daily quota reached");
    public static ApiError InvalidJson(string detail) => new("609", $"Invalid JSON: {detail}");
    public static ApiError NotFound(string what = "Requested resource not found") => new("610", what);
    public static ApiError SystemError => new("611", "System error");
    public static ApiError ContentType => new("612", "Invalid Content Type");
    public static ApiError Concurrency => new("615", "Concurrent access limit reached");
    public static ApiError BusinessRule(string message) => new("709", message);
    public static ApiError Missing(string parameter) => new("1002", $"Value for required parameter '{parameter}' not specified");
    public static ApiError Invalid(string message) => new("1003", message);

    /// <summary>Marketo's 1001 wording: "Invalid value '%s'. Required of type '%s'".</summary>
    public static ApiError WrongType(string value, string type) => new("1001", $"Invalid value '{value}'. Required of type '{type}'");

    /// <summary>The Marketo code and message for a refusal of Core: the input it is about (in the API's names), then Core's English sentence.</summary>
    public static ApiError From(Problem problem)
    {
        var code = Code(problem);
        var field = WireField(problem.Field);
        return new ApiError(code, field is null || code is "610" or "1013" ? problem.Message : $"{field}: {problem.Message}");
    }

    public static string Code(Problem problem) => problem.Code switch
    {
        CommonProblems.Required => "1002",
        ActivityTypeErrorCodes.FieldNotFound => "1006",
        // Marketo's "Object not found" of the lists calls and of a listId filter.
        StaticListErrors.NotFound => "1013",
        _ => problem.Kind switch
        {
            ProblemKind.NotFound => "610",
            ProblemKind.Invalid => "1003",
            // Forbidden and Conflict: duplicate names among types, limits, immutability after approval, self-approval,
            // no draft, archived, has activities, concurrency.
            _ => "709",
        },
    };

    /// <summary>
    /// The input a problem is about, in the API's names. Positions in the edited definition ("fields[2]") mean nothing to a
    /// caller of the attribute endpoints, so those are left out: their messages name the attribute.
    /// </summary>
    private static string? WireField(string field)
    {
        if (string.IsNullOrEmpty(field) || field.StartsWith("fields[", StringComparison.Ordinal))
        {
            return null;
        }
        var wire = field.Replace("primaryField", "primaryAttribute", StringComparison.Ordinal).Replace("fields", "attributes", StringComparison.Ordinal);
        return wire == "displayName" ? "name" : wire.Replace(".displayName", ".name", StringComparison.Ordinal);
    }
}
