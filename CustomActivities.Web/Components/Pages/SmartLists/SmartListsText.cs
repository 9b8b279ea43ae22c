namespace CustomActivities.Web.Components.Pages.SmartLists;

/// <summary>Marker for the smart list pages' strings (Resources/Components/Pages/SmartLists/SmartListsText.resx).</summary>
public sealed class SmartListsText;
