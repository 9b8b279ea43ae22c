using System.Text.Json.Serialization;
using CustomActivities.Core.ActivityTypes;

namespace CustomActivities.Web.Components.Pages.ActivityTypes;

/// <summary>What the wizard holds while a person types: kept across steps, turned into a definition for the service.</summary>
public sealed class WizardModel
{
    public string DisplayName { get; set; } = "";
    public string ApiName { get; set; } = "";
    public string? Description { get; set; }
    public string TriggerName { get; set; } = "";
    public string FilterName { get; set; } = "";

    /// <summary>Once a person edits a suggested name themselves, it stops following the display name.</summary>
    public bool ApiNameEdited { get; set; }
    public bool TriggerNameEdited { get; set; }
    public bool FilterNameEdited { get; set; }

    public FieldModel Primary { get; set; } = new();

    [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]
    public List<FieldModel> Fields { get; } = [];

    public void SetDisplayName(string value)
    {
        DisplayName = value;
        if (!ApiNameEdited)
        {
            ApiName = ActivityTypeNaming.SuggestApiName(value);
        }
        if (!TriggerNameEdited)
        {
            TriggerName = ActivityTypeNaming.SuggestTriggerName(value);
        }
        if (!FilterNameEdited)
        {
            FilterName = ActivityTypeNaming.SuggestFilterName(value);
        }
    }

    public ActivityTypeDefinition ToDefinition() => new(
        ApiName.Trim(), DisplayName.Trim(), Description, TriggerName.Trim(), FilterName.Trim(),
        Primary.ToDefinition(), [.. Fields.Select(f => f.ToDefinition())]);

    /// <summary>An edit starts from the draft (or live version); approved fields keep their API name and data type.</summary>
    public static WizardModel From(ActivityTypeDetail detail)
    {
        var version = detail.Draft ?? detail.Live!;
        var approved = detail.Live?.AllFields.Select(f => f.ApiName).ToHashSet() ?? [];
        var model = new WizardModel
        {
            DisplayName = version.DisplayName,
            ApiName = detail.ApiName,
            Description = version.Description,
            TriggerName = version.TriggerName,
            FilterName = version.FilterName,
            ApiNameEdited = true,
            TriggerNameEdited = true,
            FilterNameEdited = true,
            Primary = FieldModel.From(version.PrimaryField, approved.Contains(version.PrimaryField.ApiName)),
        };
        model.Fields.AddRange(version.Fields.Select(f => FieldModel.From(f, approved.Contains(f.ApiName))));
        return model;
    }

    /// <summary>Swaps the primary field with a secondary one (same data type; the service checks the rules).</summary>
    public void MakePrimary(FieldModel field)
    {
        var index = Fields.IndexOf(field);
        Fields[index] = Primary;
        Primary = field;
    }
}

public sealed class FieldModel
{
    public string DisplayName { get; set; } = "";
    public string ApiName { get; set; } = "";
    public string? Description { get; set; }
    public FieldDataType DataType { get; set; } = FieldDataType.String;
    public bool ApiNameEdited { get; set; }

    /// <summary>An approved field: its API name and data type can no longer change.</summary>
    public bool Approved { get; init; }

    public void SetDisplayName(string value)
    {
        DisplayName = value;
        if (!ApiNameEdited && !Approved)
        {
            ApiName = ActivityTypeNaming.SuggestApiName(value);
        }
    }

    public FieldDefinition ToDefinition() => new(ApiName.Trim(), DisplayName.Trim(), Description, DataType);

    public FieldView ToView() => new(ApiName.Trim(), DisplayName.Trim(), Description, DataType);

    public static FieldModel From(FieldView field, bool approved) => new()
    {
        DisplayName = field.DisplayName,
        ApiName = field.ApiName,
        Description = field.Description,
        DataType = field.DataType,
        ApiNameEdited = true,
        Approved = approved,
    };
}
