using CustomActivities.Tests.Support;
using Microsoft.Playwright;

namespace CustomActivities.Tests.Browser.ActivityTypes;

/// <summary>Small steps the activity type browser tests repeat: inputs, Radzen dropdowns.</summary>
internal static class ActivityTypePages
{
    public static ILocator Input(this IPage page, string name) => page.Locator($"input[name='{name}']");

    public static async Task ChooseDataTypeAsync(this IPage page, string fieldPath, string dataType)
    {
        await page.Locator($"[data-testid='field-editor-{fieldPath}'] .rz-dropdown").ClickAsync();
        await page.Locator(".rz-dropdown-item:visible").GetByText(dataType, new() { Exact = true }).ClickAsync();
    }

    public static ILocator StepHeading(this IPage page) => page.Locator(".rz-steps .rz-state-highlight, .rz-steps [aria-selected=true]");
}
