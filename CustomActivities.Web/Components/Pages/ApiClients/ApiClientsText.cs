namespace CustomActivities.Web.Components.Pages.ApiClients;

/// <summary>Marker for the API clients page's strings (Resources/Components/Pages/ApiClients/ApiClientsText.resx).</summary>
public sealed class ApiClientsText;
