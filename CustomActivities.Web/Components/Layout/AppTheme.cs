using MudBlazor;

namespace CustomActivities.Web.Components.Layout;

/// <summary>The app's colours: one indigo accent for links, buttons and the app bar, in a light and a dark palette.</summary>
public static class AppTheme
{
    public static MudTheme Default { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#3f51b5",
            PrimaryDarken = "#303f9f",
            Secondary = "#3f51b5",
            Tertiary = "#00897b",
            AppbarBackground = "#3f51b5",
            Background = "#f7f7fa",
            DrawerBackground = "#ffffff",
            TextPrimary = "rgba(0,0,0,0.87)",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#8c9eff",
            Secondary = "#8c9eff",
            Tertiary = "#4db6ac",
            AppbarBackground = "#1f2233",
            Background = "#14151c",
            Surface = "#1d1e27",
            DrawerBackground = "#1a1b23",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Roboto", "Segoe UI", "Helvetica Neue", "Arial", "sans-serif"] },
        },
        LayoutProperties = new LayoutProperties { DrawerWidthLeft = "232px" },
    };
}
