namespace CustomActivities.Web.Components.Pages.ActivityTypes;

/// <summary>Which wizard step an error's input lives on: names (0), primary field (1), extra fields (2), review (3).</summary>
public static class WizardSteps
{
    public const int Review = 3;

    public static string Name(int index) => index switch { 0 => "basics", 1 => "primary", 2 => "fields", _ => "" };

    public static int Index(string name) => name switch { "basics" => 0, "primary" => 1, "fields" => 2, _ => Review };

    /// <summary>"primaryField.apiName" → "primary", "fields[2].dataType" → "fields", "" (the type as a whole) → "", anything else → "basics".</summary>
    public static string Of(string field) =>
        field.StartsWith("primaryField", StringComparison.Ordinal) ? "primary"
        : field.StartsWith("fields", StringComparison.Ordinal) ? "fields"
        : field == "" ? ""
        : "basics";
}
