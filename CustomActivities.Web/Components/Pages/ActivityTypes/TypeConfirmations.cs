using CustomActivities.Web.Components.Shared;
using Microsoft.Extensions.Localization;
using Radzen;

namespace CustomActivities.Web.Components.Pages.ActivityTypes;

public static class TypeConfirmations
{
    /// <summary>
    /// Asks before <paramref name="what"/> ("Discard", "Archive", "Delete") is done to a type, with the resources
    /// "{what}.Title", "{what}.Body" and "Action.{what}".
    /// </summary>
    public static Task<bool> ConfirmAsync(this DialogService dialogs, IStringLocalizer<ActivityTypesText> text, string what, string displayName) =>
        dialogs.AskAsync(text[$"{what}.Title"], text[$"{what}.Body", displayName], text[$"Action.{what}"], text["Confirm.Cancel"]);
}
