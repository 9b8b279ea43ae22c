namespace CustomActivities.Web.Components.Pages.ActivityTypes;

/// <summary>Marker for the activity types feature's strings (Resources/Components/Pages/ActivityTypes/ActivityTypesText.resx).</summary>
public sealed class ActivityTypesText;
