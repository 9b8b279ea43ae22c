using CustomActivities.Core.ActivityTypes;

namespace CustomActivities.Web.Api;

/// <summary>The Marketo code and message for each reason the activity type service refuses a change.</summary>
public static class ActivityTypeApiErrors
{
    public static ApiError From(ActivityTypeError error)
    {
        var code = Code(error.Code);
        var field = WireField(error.Field);
        return new ApiError(code, field is null || code == "610" ? error.Message : $"{field}: {error.Message}");
    }

    public static string Code(string reason) => reason switch
    {
        ActivityTypeErrorCodes.NotFound => "610",
        ActivityTypeErrorCodes.Required => "1002",
        ActivityTypeErrorCodes.FieldNotFound => "1006",
        ActivityTypeErrorCodes.TooLong or ActivityTypeErrorCodes.InvalidDisplayName or ActivityTypeErrorCodes.InvalidApiName
            or ActivityTypeErrorCodes.InvalidDataType or ActivityTypeErrorCodes.DuplicateFieldApiName or ActivityTypeErrorCodes.OnePrimaryField => "1003",
        // Duplicate names among types, limits, immutability after approval, self-approval, no draft, archived, has activities, concurrency.
        _ => "709",
    };

    /// <summary>
    /// The input an error is about, in the API's names. Positions in the edited definition ("fields[2]") mean nothing to a
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
