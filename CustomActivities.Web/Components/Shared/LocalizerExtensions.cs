using Microsoft.Extensions.Localization;

namespace CustomActivities.Web.Components.Shared;

public static class LocalizerExtensions
{
    /// <summary>The resource <paramref name="key"/>, or <paramref name="fallback"/> as it is when there is none.</summary>
    public static string TextOr(this IStringLocalizer text, string key, string fallback)
    {
        var label = text[key];
        return label.ResourceNotFound ? fallback : label.Value;
    }
}
