using Radzen;

namespace CustomActivities.Web.Components.Shared;

public static class DialogServiceExtensions
{
    /// <summary>A yes/no question before something that cannot be taken back; true only when the person confirms.</summary>
    public static async Task<bool> AskAsync(this DialogService dialogs, string title, string body, string confirm, string cancel) =>
        await dialogs.Confirm(body, title, new ConfirmOptions { OkButtonText = confirm, CancelButtonText = cancel }) == true;
}
