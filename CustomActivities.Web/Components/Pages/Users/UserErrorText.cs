using CustomActivities.Core.Users;
using CustomActivities.Web.Components.Shared;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace CustomActivities.Web.Components.Pages.Users;

public static class UserErrorText
{
    /// <summary>A refusal of the Users page: our codes (<c>UserErrors</c>) get the reader's words; Identity's come already worded.</summary>
    public static string UserError(this IStringLocalizer<SharedResource> text, string error) => text.TextOr("UserError." + error, error);

    /// <summary>Says how a change on the Users page went: the success text, or the refusals in the reader's words.</summary>
    public static void Report(this ISnackbar snackbar, IStringLocalizer<SharedResource> text, UserOperationResult result, string success)
    {
        if (result.Succeeded)
        {
            snackbar.Add(success, Severity.Success);
        }
        else
        {
            snackbar.Add(string.Join(" ", result.Errors.Select(text.UserError)), Severity.Error);
        }
    }
}
