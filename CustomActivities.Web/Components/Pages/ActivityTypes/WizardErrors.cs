using CustomActivities.Core.Results;

namespace CustomActivities.Web.Components.Pages.ActivityTypes;

/// <summary>Where the wizard shows the message Core gave for one input.</summary>
public static class WizardErrors
{
    /// <summary>The id of the message under an input, for aria-describedby and for tests.</summary>
    public static string Id(string path) => $"error-{path}";
}
