namespace CustomActivities.Web.Components.Pages.Lists;

/// <summary>Marker for the static lists feature's strings (Resources/Components/Pages/Lists/ListsText.resx).</summary>
public sealed class ListsText;
