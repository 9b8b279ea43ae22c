using CustomActivities.Core.ActivityTypes;
using Microsoft.Extensions.Localization;

namespace CustomActivities.Web.Components.Pages.ActivityTypes;

/// <summary>The message Core gave for one input of the wizard, in the reader's language; null when the input is fine.</summary>
public static class WizardErrors
{
    public static string? Of(this IReadOnlyList<ActivityTypeError> errors, IStringLocalizer localizer, string path) =>
        errors.FirstOrDefault(e => e.Field == path) is { } error ? ErrorText.For(localizer, error) : null;

    /// <summary>The id of the message under an input, for aria-describedby and for tests.</summary>
    public static string Id(string path) => $"error-{path}";
}
