using CustomActivities.Tests.Support;
using Microsoft.Playwright;

namespace CustomActivities.Tests.Browser.ActivityTypes;

/// <summary>Small steps the activity type browser tests repeat: inputs, their messages, MudBlazor selects.</summary>
internal static class ActivityTypePages
{
    public static ILocator Input(this IPage page, string name) => page.Locator($"input[name='{name}']");

    /// <summary>Core's message under an input (the input's error text, e.g. "error-primaryField.displayName").</summary>
    public static ILocator FieldError(this IPage page, string path) => page.Locator($"[id='error-{path}']");

    public static async Task ChooseDataTypeAsync(this IPage page, string fieldPath, string dataType)
    {
        await page.Locator($"[data-testid='field-editor-{fieldPath}'] .mud-select .mud-input-control-input-container").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").GetByText(dataType, new() { Exact = true }).ClickAsync();
    }
}
