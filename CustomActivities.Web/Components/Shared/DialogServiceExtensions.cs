using MudBlazor;

namespace CustomActivities.Web.Components.Shared;

public static class DialogServiceExtensions
{
    /// <summary>A yes/no question before something that cannot be taken back; true only when the person confirms.</summary>
    public static async Task<bool> AskAsync(this IDialogService dialogs, string title, string body, string confirm, string cancel, bool destructive = true)
    {
        var parameters = new DialogParameters<ConfirmDialog>
        {
            { d => d.Title, title },
            { d => d.Body, body },
            { d => d.ConfirmText, confirm },
            { d => d.CancelText, cancel },
            { d => d.Destructive, destructive },
        };
        var dialog = await dialogs.ShowAsync<ConfirmDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        var result = await dialog.Result;
        return result is { Canceled: false };
    }
}
