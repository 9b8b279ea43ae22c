namespace CustomActivities.Web.Components.Shared;

/// <summary>
/// Light or dark, as the viewer last chose: app.js keeps the choice in a cookie that <see cref="Routes"/> reads while
/// prerendering, so the first paint already has the right colours.
/// </summary>
public sealed class ViewerTheme
{
    public const string CookieName = "ca-theme";

    public bool IsDark { get; set; }

    public void Use(string? cookieValue) => IsDark = cookieValue == "dark";
}
