namespace CustomActivities.Core.Activities;

public enum ApiValueKind : byte
{
    Missing,
    Null,
    String,
    Number,
    True,
    False,

    /// <summary>An object or array where a scalar was expected.</summary>
    Structured,
}

/// <summary>A JSON scalar as sent (numbers keep their text), so each data type parses it by its own rules.</summary>
public readonly record struct ApiValue(ApiValueKind Kind, string? Text)
{
    public static readonly ApiValue Missing = new(ApiValueKind.Missing, null);
    public static readonly ApiValue Null = new(ApiValueKind.Null, null);

    public static ApiValue String(string text) => new(ApiValueKind.String, text);
    public static ApiValue Number(string text) => new(ApiValueKind.Number, text);
    public static ApiValue Boolean(bool value) => new(value ? ApiValueKind.True : ApiValueKind.False, value ? "true" : "false");

    public bool IsAbsent => Kind is ApiValueKind.Missing or ApiValueKind.Null || (Kind == ApiValueKind.String && string.IsNullOrEmpty(Text));

    /// <summary>How the value reads in a message.</summary>
    public string Display => Kind switch
    {
        ApiValueKind.Missing => "(missing)",
        ApiValueKind.Null => "null",
        ApiValueKind.Structured => "(object)",
        _ => Text is { Length: > 80 } t ? t[..80] + "…" : Text ?? "",
    };
}

/// <summary>One secondary attribute of an input record: Marketo accepts "apiName" or "name".</summary>
public sealed record AttributeInput(string? ApiName, string? Name, ApiValue Value)
{
    public string? Key => string.IsNullOrEmpty(ApiName) ? Name : ApiName;
}

/// <summary>One record of POST /rest/v1/activities/external.json, as sent.</summary>
public sealed class ActivityInput
{
    public ApiValue LeadId { get; set; } = ApiValue.Missing;
    public ApiValue ActivityDate { get; set; } = ApiValue.Missing;
    public ApiValue ActivityTypeId { get; set; } = ApiValue.Missing;
    public string? ApiName { get; set; }
    public ApiValue PrimaryAttributeValue { get; set; } = ApiValue.Missing;
    public List<AttributeInput> Attributes { get; } = [];

    /// <summary>True when "attributes" was present but not an array of objects.</summary>
    public bool AttributesMalformed { get; set; }
}

/// <summary>Why a record was skipped: Marketo's per-record code (as a string, as on the wire) and a message.</summary>
public sealed record Reason(string Code, string Message);

/// <summary>The answer for one input record, in input order.</summary>
public sealed record RecordResult(long? Id, IReadOnlyList<Reason>? Reasons)
{
    public bool Added => Reasons is null;
}

public static class RecordCodes
{
    public const string WrongType = "1001";
    public const string MissingValue = "1002";
    public const string InvalidData = "1003";
    public const string LeadNotFound = "1004";
    public const string LeadExists = "1005";
    public const string FieldNotFound = "1006";
}
