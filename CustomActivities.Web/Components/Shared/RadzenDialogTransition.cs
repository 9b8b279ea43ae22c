using Radzen;

namespace CustomActivities.Web.Components.Shared;

// TRANSITION ONLY: pages not yet moved to MudBlazor still confirm through Radzen. Deleted with the last Radzen page.
public static class RadzenDialogTransition
{
    public static async Task<bool> AskAsync(this DialogService dialogs, string title, string body, string confirm, string cancel) =>
        await dialogs.Confirm(body, title, new ConfirmOptions { OkButtonText = confirm, CancelButtonText = cancel }) == true;
}
