namespace CustomActivities.Web;

/// <summary>Marker for the strings shared by the layout, navigation and common components (Resources/SharedResource.resx).</summary>
public sealed class SharedResource;
