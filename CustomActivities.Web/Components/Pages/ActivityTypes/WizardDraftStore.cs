using System.Text.Json;
using Microsoft.JSInterop;

namespace CustomActivities.Web.Components.Pages.ActivityTypes;

/// <summary>What the wizard keeps in the browser so a refresh or a closed tab does not lose the typing.</summary>
public sealed record WizardSavedState(int Step, WizardModel Model, int? Stamp, DateTimeOffset SavedAt);

/// <summary>
/// The wizard's work in progress in the browser's localStorage, one entry per person and per type (or "new"),
/// so two people on one browser never see each other's drafts.
/// </summary>
public sealed class WizardDraftStore(IJSRuntime js, string actorId, string? apiName)
{
    private string Key => $"customActivities.wizard.{actorId}.{apiName ?? "new"}";

    public ValueTask SaveAsync(WizardSavedState state) => js.InvokeVoidAsync("localStorage.setItem", Key, JsonSerializer.Serialize(state));

    /// <summary>The saved work, or null when there is none or it can no longer be read (an older shape): a stored value never breaks the page.</summary>
    public async ValueTask<WizardSavedState?> LoadAsync()
    {
        var json = await js.InvokeAsync<string?>("localStorage.getItem", Key);
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<WizardSavedState>(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public ValueTask ClearAsync() => js.InvokeVoidAsync("localStorage.removeItem", Key);
}
