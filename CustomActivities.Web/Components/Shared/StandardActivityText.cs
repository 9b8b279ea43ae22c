using CustomActivities.Core.Activities;
using Microsoft.Extensions.Localization;

namespace CustomActivities.Web.Components.Shared;

/// <summary>
/// The standard activities (New Lead, Change Data Value, Add to List, Remove from List) in the reader's language. Their
/// names and attribute names are stored as Marketo's English words (the API and activity type rows keep them so); only
/// the UI words them, by id. A custom type's names are its marketer's own and shown as stored.
/// </summary>
public static class StandardActivityText
{
    public static string TypeName(this IStringLocalizer<SharedResource> text, int typeId, string storedName) =>
        StandardActivityTypes.IsStandard(typeId) ? Known(text, $"Standard.{typeId}.Name", storedName) : storedName;

    public static string FilterName(this IStringLocalizer<SharedResource> text, int typeId, string storedName) =>
        StandardActivityTypes.IsStandard(typeId) ? Known(text, $"Standard.{typeId}.Filter", storedName) : storedName;

    public static string FieldName(this IStringLocalizer<SharedResource> text, int typeId, string apiName, string storedLabel) =>
        StandardActivityTypes.IsStandard(typeId) ? Known(text, "Standard.Field." + apiName.Replace(" ", "", StringComparison.Ordinal), storedLabel) : storedLabel;

    private static string Known(IStringLocalizer<SharedResource> text, string key, string fallback) =>
        text[key] is { ResourceNotFound: false } found ? found.Value : fallback;
}
