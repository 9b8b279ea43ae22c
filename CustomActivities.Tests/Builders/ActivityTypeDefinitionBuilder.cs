using CustomActivities.Core.ActivityTypes;

namespace CustomActivities.Tests.Builders;

/// <summary>Entry point for input models: <c>Define.ActivityType.Named("Cheque deposited").WithField(...).Build()</c>.</summary>
public static class Define
{
    public static ActivityTypeDefinitionBuilder ActivityType => new();
}

/// <summary>Fluent <see cref="ActivityTypeDefinition"/>s, the input of the wizard and the REST API, valid unless told otherwise.</summary>
public sealed class ActivityTypeDefinitionBuilder
{
    private string apiName = "webinarAttended";
    private string displayName = "Webinar attended";
    private string? description = "A person attended one of our webinars.";
    private string triggerName = "Attends Webinar";
    private string filterName = "Attended Webinar";
    private FieldDefinition primary = new("webinarName", "Webinar name", null, FieldDataType.String);
    private readonly List<FieldDefinition> fields = [];

    /// <summary>Display name plus the suggested API, trigger and filter names.</summary>
    public ActivityTypeDefinitionBuilder Named(string display)
    {
        displayName = display;
        apiName = ActivityTypeNaming.SuggestApiName(display);
        triggerName = ActivityTypeNaming.SuggestTriggerName(display);
        filterName = ActivityTypeNaming.SuggestFilterName(display);
        return this;
    }

    /// <summary>Starts from an existing definition, e.g. <c>detail.Current.ToDefinition(detail.ApiName)</c>, to edit it.</summary>
    public ActivityTypeDefinitionBuilder From(ActivityTypeDefinition definition)
    {
        apiName = definition.ApiName;
        displayName = definition.DisplayName;
        description = definition.Description;
        triggerName = definition.TriggerName;
        filterName = definition.FilterName;
        primary = definition.PrimaryField;
        fields.Clear();
        fields.AddRange(definition.Fields);
        return this;
    }

    public ActivityTypeDefinitionBuilder WithApiName(string value) { apiName = value; return this; }
    public ActivityTypeDefinitionBuilder WithDisplayName(string value) { displayName = value; return this; }
    public ActivityTypeDefinitionBuilder WithDescription(string? value) { description = value; return this; }
    public ActivityTypeDefinitionBuilder WithTriggerName(string value) { triggerName = value; return this; }
    public ActivityTypeDefinitionBuilder WithFilterName(string value) { filterName = value; return this; }

    public ActivityTypeDefinitionBuilder WithPrimary(string fieldApiName, FieldDataType type = FieldDataType.String, string? label = null)
    {
        primary = new FieldDefinition(fieldApiName, label ?? fieldApiName, null, type);
        return this;
    }

    public ActivityTypeDefinitionBuilder WithField(string fieldApiName, FieldDataType type = FieldDataType.String, string? label = null)
    {
        fields.Add(new FieldDefinition(fieldApiName, label ?? fieldApiName, null, type));
        return this;
    }

    public ActivityTypeDefinitionBuilder WithFields(int count, FieldDataType type = FieldDataType.String)
    {
        for (var i = 1; i <= count; i++)
        {
            WithField($"extra{i}", type);
        }
        return this;
    }

    public ActivityTypeDefinitionBuilder WithoutField(string fieldApiName)
    {
        fields.RemoveAll(f => f.ApiName == fieldApiName);
        return this;
    }

    public ActivityTypeDefinitionBuilder RelabelField(string fieldApiName, string label)
    {
        if (primary.ApiName == fieldApiName)
        {
            primary = primary with { DisplayName = label };
        }
        for (var i = 0; i < fields.Count; i++)
        {
            if (fields[i].ApiName == fieldApiName)
            {
                fields[i] = fields[i] with { DisplayName = label };
            }
        }
        return this;
    }

    public ActivityTypeDefinitionBuilder RetypeField(string fieldApiName, FieldDataType type)
    {
        primary = primary.ApiName == fieldApiName ? primary with { DataType = type } : primary;
        for (var i = 0; i < fields.Count; i++)
        {
            if (fields[i].ApiName == fieldApiName)
            {
                fields[i] = fields[i] with { DataType = type };
            }
        }
        return this;
    }

    /// <summary>Makes a secondary field primary and the old primary the first secondary field.</summary>
    public ActivityTypeDefinitionBuilder SwapPrimaryWith(string fieldApiName)
    {
        var index = fields.FindIndex(f => f.ApiName == fieldApiName);
        var newPrimary = fields[index];
        fields[index] = primary;
        primary = newPrimary;
        return this;
    }

    public ActivityTypeDefinition Build() => new(apiName, displayName, description, triggerName, filterName, primary, [.. fields]);
}
