using CustomActivities.Core.Results;

namespace CustomActivities.Core.ActivityTypes;

/// <summary>
/// Why the activity type service refuses a change (<see cref="Problem.Code"/>); stable for API clients and translations.
/// </summary>
[ProblemCodes]
public static class ActivityTypeErrorCodes
{
    public const string Required = CommonProblems.Required;
    public const string TooLong = CommonProblems.TooLong;
    public const string InvalidDisplayName = "invalidDisplayName";
    public const string InvalidApiName = "invalidApiName";
    [ProblemKind(ProblemKind.Conflict)]
    public const string DuplicateApiName = "duplicateApiName";
    [ProblemKind(ProblemKind.Conflict)]
    public const string DuplicateTriggerName = "duplicateTriggerName";
    [ProblemKind(ProblemKind.Conflict)]
    public const string DuplicateFilterName = "duplicateFilterName";
    public const string DuplicateFieldApiName = "duplicateFieldApiName";
    public const string InvalidDataType = "invalidDataType";
    [ProblemKind(ProblemKind.Conflict)]
    public const string TooManyFields = "tooManyFields";
    [ProblemKind(ProblemKind.Conflict)]
    public const string TooManyActiveTypes = "tooManyActiveTypes";
    [ProblemKind(ProblemKind.Conflict)]
    public const string ApiNameImmutable = "apiNameImmutable";
    [ProblemKind(ProblemKind.Conflict)]
    public const string FieldApiNameImmutable = "fieldApiNameImmutable";
    [ProblemKind(ProblemKind.Conflict)]
    public const string FieldDataTypeImmutable = "fieldDataTypeImmutable";
    [ProblemKind(ProblemKind.Conflict)]
    public const string PrimaryFieldRemoved = "primaryFieldRemoved";
    [ProblemKind(ProblemKind.Conflict)]
    public const string PrimarySwapInvalid = "primarySwapInvalid";
    public const string OnePrimaryField = "onePrimaryField";
    [ProblemKind(ProblemKind.NotFound)]
    public const string FieldNotFound = "fieldNotFound";
    [ProblemKind(ProblemKind.NotFound)]
    public const string NotFound = "notFound";
    [ProblemKind(ProblemKind.Forbidden)]
    public const string Forbidden = "forbidden";
    [ProblemKind(ProblemKind.Forbidden)]
    public const string AdminOnly = "adminOnly";
    [ProblemKind(ProblemKind.Forbidden)]
    public const string AdminOrAuthorOnly = "adminOrAuthorOnly";
    [ProblemKind(ProblemKind.Forbidden)]
    public const string SelfApproval = "selfApproval";
    [ProblemKind(ProblemKind.Conflict)]
    public const string NoDraft = "noDraft";
    [ProblemKind(ProblemKind.Conflict)]
    public const string Archived = "archived";
    [ProblemKind(ProblemKind.Conflict)]
    public const string NotArchived = "notArchived";
    [ProblemKind(ProblemKind.Conflict)]
    public const string NotApproved = "notApproved";
    [ProblemKind(ProblemKind.Conflict)]
    public const string HasActivities = "hasActivities";
    [ProblemKind(ProblemKind.Conflict)]
    public const string Concurrency = "concurrency";
}
