namespace CustomActivities.Core.ActivityTypes;

/// <summary>
/// Why a change was refused. <see cref="Field"/> names the input it is about ("apiName", "primaryField.dataType",
/// "fields[2].apiName", or "" for the type as a whole); <see cref="Code"/> is stable for API clients and translations.
/// </summary>
public sealed record ActivityTypeError(string Field, string Code, string Message);

public static class ActivityTypeErrorCodes
{
    public const string Required = "required";
    public const string TooLong = "tooLong";
    public const string InvalidDisplayName = "invalidDisplayName";
    public const string InvalidApiName = "invalidApiName";
    public const string DuplicateApiName = "duplicateApiName";
    public const string DuplicateTriggerName = "duplicateTriggerName";
    public const string DuplicateFilterName = "duplicateFilterName";
    public const string DuplicateFieldApiName = "duplicateFieldApiName";
    public const string InvalidDataType = "invalidDataType";
    public const string TooManyFields = "tooManyFields";
    public const string TooManyActiveTypes = "tooManyActiveTypes";
    public const string ApiNameImmutable = "apiNameImmutable";
    public const string FieldApiNameImmutable = "fieldApiNameImmutable";
    public const string FieldDataTypeImmutable = "fieldDataTypeImmutable";
    public const string PrimaryFieldRemoved = "primaryFieldRemoved";
    public const string PrimarySwapInvalid = "primarySwapInvalid";
    public const string OnePrimaryField = "onePrimaryField";
    public const string FieldNotFound = "fieldNotFound";
    public const string NotFound = "notFound";
    public const string Forbidden = "forbidden";
    public const string SelfApproval = "selfApproval";
    public const string NoDraft = "noDraft";
    public const string Archived = "archived";
    public const string NotArchived = "notArchived";
    public const string NotApproved = "notApproved";
    public const string HasActivities = "hasActivities";
    public const string Concurrency = "concurrency";
}

/// <summary>The outcome of a change: succeeded, or the errors that refused it (nothing was written then).</summary>
public sealed record ActivityTypeResult(IReadOnlyList<ActivityTypeError> Errors, string? ApiName = null)
{
    public bool Succeeded => Errors.Count == 0;

    public static ActivityTypeResult Success(string apiName) => new([], apiName);
    public static ActivityTypeResult Failure(IReadOnlyList<ActivityTypeError> errors) => new(errors);
    public static ActivityTypeResult Failure(string field, string code, string message) => new([new ActivityTypeError(field, code, message)]);

    public bool Has(string code) => Errors.Any(e => e.Code == code);
}
