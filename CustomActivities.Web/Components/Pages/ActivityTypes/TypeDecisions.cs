using CustomActivities.Core.ActivityTypes;
using CustomActivities.Web.Components.Shared;
using Microsoft.Extensions.Localization;
using MudBlazor;
using CustomActivities.Core.Results;
using CustomActivities.Core.SmartLists;

namespace CustomActivities.Web.Components.Pages.ActivityTypes;

/// <summary>The questions asked before a decision on a type and how its outcome is told, shared by the detail and approvals pages.</summary>
public static class TypeDecisions
{
    /// <summary>
    /// Asks before <paramref name="what"/> ("Discard", "Archive", "Delete") is done to a type, with the resources
    /// "{what}.Title", "{what}.Body" and "Action.{what}". Staying is the primary choice.
    /// </summary>
    public static Task<bool> ConfirmAsync(this IDialogService dialogs, IStringLocalizer<ActivityTypesText> text, string what, string displayName) =>
        dialogs.AskAsync(text[$"{what}.Title"], text[$"{what}.Body", displayName], text[$"Action.{what}"], text["Confirm.Cancel"]);

    /// <summary>Archiving asks first, naming the saved smart lists that filter on the type (they stop gaining members through it).</summary>
    public static async Task<bool> ConfirmArchiveAsync(this IDialogService dialogs, SmartListService smartLists, IStringLocalizer<ActivityTypesText> text,
        ActivityTypeDetail type)
    {
        var lists = await smartLists.UsingActivityTypeAsync(type.Id);
        var body = text["Archive.Body", type.DisplayName].Value;
        if (lists.Count > 0)
        {
            body += " " + text["Archive.SmartLists", string.Join(", ", lists.Select(l => $"“{l.Name}”"))];
        }
        return await dialogs.AskAsync(text["Archive.Title"], body, text["Action.Archive"], text["Confirm.Cancel"]);
    }

    /// <summary>
    /// Approving a draft that removes a field or swaps the primary field asks first, saying how many activities the type
    /// has (the count the page already shows), what breaks and the saved smart lists it breaks (Core's <see cref="ActivityTypeService.BreakingChangeImpactAsync(string, long?, CancellationToken)"/>);
    /// other approvals go ahead.
    /// </summary>
    public static async Task<bool> ConfirmApprovalAsync(this IDialogService dialogs, ActivityTypeService types, SmartListService smartLists,
        IStringLocalizer<ActivityTypesText> text, ActivityTypeDetail type)
    {
        var (apiName, displayName) = (type.ApiName, type.DisplayName);
        var impact = await types.BreakingChangeImpactAsync(apiName, type.ActivityCount);
        if (impact is not { IsBreaking: true })
        {
            return true;
        }
        var changes = string.Join("; ", impact.BreakingChanges.Select(c => DiffText.Describe(text, c, withValues: true)));
        var body = text["ApproveBreaking.Body", displayName, impact.ActivityCount.ToString("N0"), changes].Value;
        var broken = SmartListImpact.BrokenByAny(await smartLists.UsagesOfTypeAsync(type.Id), impact.BreakingChanges);
        if (broken.Count > 0)
        {
            body += " " + text["ApproveBreaking.SmartLists", string.Join(", ", broken.Select(l => $"“{l.Name}”"))];
        }
        return await dialogs.AskAsync(text["ApproveBreaking.Title"], body, text["ApproveBreaking.Ok"], text["Confirm.Cancel"]);
    }
}

/// <summary>How one line of a draft's diff is named in the reader's language.</summary>
public static class DiffText
{
    public static string Describe(IStringLocalizer<ActivityTypesText> text, DiffEntry entry, bool withValues = false)
    {
        var what = entry.Item.StartsWith("field:", StringComparison.Ordinal)
            ? text["Diff.FieldAspect", entry.Item["field:".Length..], text[$"Diff.Aspect.{entry.Aspect}"]]
            : text[$"Diff.Aspect.{entry.Aspect}"];
        return withValues && entry.Aspect == "primaryField" ? $"{what}: {entry.Before} → {entry.After}" : what;
    }
}
