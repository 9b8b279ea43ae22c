using Bunit;
using CustomActivities.Tests.Support;
using CustomActivities.Web.Components.Shared;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CustomActivities.Tests.Components.Shared;

public sealed class ConfirmDialogTests : AppComponentContext
{
    private Task<bool> Ask(IDialogService dialogs) => dialogs.AskAsync("Archive type", "Archive Webinar attended?", "Archive", "Cancel");

    [Fact]
    public async Task Confirming_answers_true_and_closes_the_dialog()
    {
        var provider = RenderOverlayProviders();
        var dialogs = Services.GetRequiredService<IDialogService>();

        var answer = provider.InvokeAsync(() => Ask(dialogs));
        provider.WaitForAssertion(() => Assert.Contains("Archive Webinar attended?", provider.Markup));
        await provider.Find("[data-testid=confirm-ok]").ClickAsync(new());

        Assert.True(await answer);
        provider.WaitForAssertion(() => Assert.Empty(provider.FindAll("[data-testid=confirm-ok]")));
    }

    [Fact]
    public async Task Cancelling_answers_false_and_the_safe_choice_is_the_primary_button()
    {
        var provider = RenderOverlayProviders();
        var dialogs = Services.GetRequiredService<IDialogService>();

        var answer = provider.InvokeAsync(() => Ask(dialogs));
        provider.WaitForAssertion(() => Assert.Contains("Archive type", provider.Markup));
        var cancel = provider.Find("[data-testid=confirm-cancel]");
        Assert.Contains("mud-button-filled", cancel.ClassList);
        Assert.Contains("mud-button-outlined-error", provider.Find("[data-testid=confirm-ok]").ClassList);
        await cancel.ClickAsync(new());

        Assert.False(await answer);
    }
}
