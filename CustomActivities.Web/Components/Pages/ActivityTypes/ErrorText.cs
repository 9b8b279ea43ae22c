using CustomActivities.Core.ActivityTypes;
using Microsoft.Extensions.Localization;

namespace CustomActivities.Web.Components.Pages.ActivityTypes;

/// <summary>
/// A service error in the reader's language: the resource "Error.{code}" when one exists (with the field's path as {0}),
/// otherwise the service's own English message, which names the exact values involved.
/// </summary>
public static class ErrorText
{
    public static string For(IStringLocalizer localizer, ActivityTypeError error)
    {
        var localized = localizer["Error." + error.Code];
        return localized.ResourceNotFound ? error.Message : localized.Value;
    }

    public static string For(IStringLocalizer localizer, ActivityTypeResult result) =>
        string.Join(" ", result.Errors.Select(e => For(localizer, e)));
}
