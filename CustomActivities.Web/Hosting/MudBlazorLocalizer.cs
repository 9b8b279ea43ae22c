using Microsoft.Extensions.Localization;
using MudBlazor;

namespace CustomActivities.Web;

/// <summary>Marker for MudBlazor's own strings in our languages (Resources/MudBlazorText.resx, keys as in MudBlazor 9.12's LanguageResource).</summary>
public sealed class MudBlazorText;

/// <summary>
/// MudBlazor's strings (pager, date picker, data grid filters, close buttons) in the UI language. A key we do not
/// translate comes back as not found, and MudBlazor then uses its built-in English.
/// </summary>
public sealed class MudBlazorLocalizer(IStringLocalizer<MudBlazorText> text) : MudLocalizer
{
    public override LocalizedString this[string key] => text[key];

    public override LocalizedString this[string key, params object[] arguments] => text[key, arguments];
}
