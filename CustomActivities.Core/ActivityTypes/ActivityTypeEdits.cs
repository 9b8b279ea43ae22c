using CustomActivities.Core.Results;

namespace CustomActivities.Core.ActivityTypes;

/// <summary>One attribute (field) as an integration sends it. A null property was not sent: an update keeps the current value.</summary>
public sealed record AttributeChange(string? ApiName, string? Name = null, string? Description = null, string? DataType = null, bool? IsPrimary = null);

/// <summary>The type-level properties of an integration's create or update request (Marketo's names); null = not sent.</summary>
public sealed record TypeChange(
    string? ApiName = null,
    string? Name = null,
    string? Description = null,
    string? TriggerName = null,
    string? FilterName = null,
    AttributeChange? PrimaryAttribute = null);

/// <summary>The whole definition a partial edit leads to, or why it cannot be built (then nothing is written).</summary>
public sealed record DefinitionEdit(ActivityTypeDefinition? Definition, IReadOnlyList<Problem> Errors)
{
    public static DefinitionEdit To(ActivityTypeDefinition definition) => new(definition, []);
    public static DefinitionEdit Refused(IReadOnlyList<Problem> errors) => new(null, errors);
    public static DefinitionEdit Refused(string field, string code, string message) => new(null, [new Problem(field, code, message)]);
}

/// <summary>
/// Turns the REST API's partial requests (Marketo's type and attribute endpoints) into whole definitions, starting from the
/// definition being edited (the pending draft, else the live version). Pure: the service then validates and saves the result
/// exactly like an edit made in the wizard, so every lifecycle rule applies. Errors name the request's inputs ("attributes[1].dataType").
/// </summary>
public static class ActivityTypeEdits
{
    /// <summary>A new primary attribute sent without dataType is a string, as in Marketo's own create example.</summary>
    public const string PrimaryDataTypeWhenNotSent = "string";

    /// <summary>A new type: Marketo's create body carries the primary attribute only; other attributes are added afterwards.</summary>
    public static DefinitionEdit New(TypeChange request)
    {
        if (request.PrimaryAttribute is not { } primary)
        {
            return DefinitionEdit.Refused("primaryField", ActivityTypeErrorCodes.Required, "Define the primary attribute.");
        }
        var errors = new List<Problem>();
        var dataType = DataType("primaryField", primary.DataType ?? PrimaryDataTypeWhenNotSent, errors);
        if (errors.Count > 0)
        {
            return DefinitionEdit.Refused(errors);
        }
        var field = new FieldDefinition(primary.ApiName ?? "", primary.Name ?? "", primary.Description, dataType!.Value);
        return DefinitionEdit.To(new ActivityTypeDefinition(request.ApiName ?? "", request.Name ?? "", request.Description,
            request.TriggerName ?? "", request.FilterName ?? "", field, []));
    }

    /// <summary>
    /// Changes the properties that were sent. A primary attribute naming an existing attribute updates it and makes it primary
    /// (the old primary takes its place among the others); naming a new attribute replaces the primary attribute.
    /// </summary>
    public static DefinitionEdit Update(ActivityTypeDefinition current, TypeChange request)
    {
        var edited = current with
        {
            ApiName = request.ApiName ?? current.ApiName,
            DisplayName = request.Name ?? current.DisplayName,
            Description = request.Description ?? current.Description,
            TriggerName = request.TriggerName ?? current.TriggerName,
            FilterName = request.FilterName ?? current.FilterName,
        };
        return request.PrimaryAttribute is { } primary ? MakePrimary(edited, primary) : DefinitionEdit.To(edited);
    }

    /// <summary>Appends new attributes; one sent with isPrimary true becomes the primary and the old primary the first secondary attribute.</summary>
    public static DefinitionEdit AddAttributes(ActivityTypeDefinition current, IReadOnlyList<AttributeChange> attributes)
    {
        if (attributes.Count == 0)
        {
            return NoAttributes();
        }
        var errors = new List<Problem>();
        OnePrimaryAtMost(attributes, errors);
        var existing = new HashSet<string>(current.AllFields.Select(f => f.ApiName), StringComparer.OrdinalIgnoreCase);
        var sent = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var fields = current.Fields.ToList();
        FieldDefinition? newPrimary = null;
        for (var i = 0; i < attributes.Count; i++)
        {
            var path = Path(i);
            var attribute = attributes[i];
            var dataType = DataType(path, attribute.DataType, errors);
            var field = new FieldDefinition(attribute.ApiName?.Trim() ?? "", attribute.Name ?? "", attribute.Description, dataType ?? default);
            errors.AddRange(ActivityTypeRules.ValidateField(path, field));
            if (field.ApiName.Length > 0 && existing.Contains(field.ApiName))
            {
                errors.Add(new(path + ".apiName", ActivityTypeErrorCodes.DuplicateFieldApiName,
                    $"The type already has an attribute \"{field.ApiName}\": update it instead.") { Arguments = [field.ApiName] });
            }
            else if (field.ApiName.Length > 0 && !sent.Add(field.ApiName))
            {
                errors.Add(new(path + ".apiName", ActivityTypeErrorCodes.DuplicateFieldApiName, $"The attribute \"{field.ApiName}\" is sent twice.")
                {
                    Arguments = [field.ApiName],
                });
            }
            if (attribute.IsPrimary == true)
            {
                newPrimary = field;
            }
            else
            {
                fields.Add(field);
            }
        }
        if (errors.Count > 0)
        {
            return DefinitionEdit.Refused(errors);
        }
        if (newPrimary is not null)
        {
            fields.Insert(0, current.PrimaryField);
            return DefinitionEdit.To(current with { PrimaryField = newPrimary, Fields = fields });
        }
        return DefinitionEdit.To(current with { Fields = fields });
    }

    /// <summary>
    /// Changes name, description and data type of existing attributes (found by API name, which never changes here).
    /// isPrimary true on a secondary attribute swaps it with the primary; the primary can only lose isPrimary that way,
    /// because a type always has exactly one primary attribute.
    /// </summary>
    public static DefinitionEdit UpdateAttributes(ActivityTypeDefinition current, IReadOnlyList<AttributeChange> attributes)
    {
        if (attributes.Count == 0)
        {
            return NoAttributes();
        }
        var errors = new List<Problem>();
        OnePrimaryAtMost(attributes, errors);
        var all = current.AllFields.ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? promoted = null;
        string? demotedPath = null;
        for (var i = 0; i < attributes.Count; i++)
        {
            var path = Path(i);
            var attribute = attributes[i];
            if (Find(all, attribute.ApiName, path, errors) is not { } index)
            {
                continue;
            }
            if (!seen.Add(all[index].ApiName))
            {
                errors.Add(new(path + ".apiName", ActivityTypeErrorCodes.DuplicateFieldApiName, $"The attribute \"{all[index].ApiName}\" is sent twice.")
                {
                    Arguments = [all[index].ApiName],
                });
                continue;
            }
            var dataType = attribute.DataType is null ? all[index].DataType : DataType(path, attribute.DataType, errors) ?? all[index].DataType;
            var updated = all[index] with
            {
                DisplayName = attribute.Name ?? all[index].DisplayName,
                Description = attribute.Description ?? all[index].Description,
                DataType = dataType,
            };
            errors.AddRange(ActivityTypeRules.ValidateField(path, updated));
            all[index] = updated;
            if (attribute.IsPrimary == true && index > 0)
            {
                promoted = updated.ApiName;
            }
            if (attribute.IsPrimary == false && index == 0)
            {
                demotedPath = path;
            }
        }
        if (demotedPath is not null && promoted is null)
        {
            errors.Add(new(demotedPath + ".isPrimary", ActivityTypeErrorCodes.OnePrimaryField,
                $"A type always has one primary attribute: to demote \"{all[0].ApiName}\", promote another attribute (isPrimary true) in the same call."));
        }
        if (errors.Count > 0)
        {
            return DefinitionEdit.Refused(errors);
        }
        var primary = all[0];
        var fields = all.Skip(1).ToList();
        if (promoted is not null)
        {
            var swap = fields.FindIndex(f => f.ApiName == promoted);
            (fields[swap], primary) = (primary, fields[swap]);
        }
        return DefinitionEdit.To(current with { PrimaryField = primary, Fields = fields });
    }

    /// <summary>Removes secondary attributes; the primary one stays until another is promoted.</summary>
    public static DefinitionEdit RemoveAttributes(ActivityTypeDefinition current, IReadOnlyList<string?> apiNames)
    {
        if (apiNames.Count == 0)
        {
            return NoAttributes();
        }
        var errors = new List<Problem>();
        var all = current.AllFields.ToList();
        var removed = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < apiNames.Count; i++)
        {
            var path = Path(i);
            if (Find(all, apiNames[i], path, errors) is not { } index)
            {
                continue;
            }
            if (index == 0)
            {
                errors.Add(new(path + ".apiName", ActivityTypeErrorCodes.PrimaryFieldRemoved,
                    $"The primary attribute \"{all[0].ApiName}\" cannot be deleted: promote another attribute first."));
                continue;
            }
            removed.Add(all[index].ApiName);
        }
        return errors.Count > 0
            ? DefinitionEdit.Refused(errors)
            : DefinitionEdit.To(current with { Fields = [.. current.Fields.Where(f => !removed.Contains(f.ApiName))] });
    }

    private static DefinitionEdit MakePrimary(ActivityTypeDefinition definition, AttributeChange change)
    {
        const string path = "primaryField";
        var errors = new List<Problem>();
        var all = definition.AllFields.ToList();
        var apiName = change.ApiName?.Trim();
        var index = string.IsNullOrEmpty(apiName) ? -1 : all.FindIndex(f => f.ApiName == apiName);
        if (index < 0)
        {
            // A new attribute replaces the primary one (after approval the service refuses this: the primary can only be swapped).
            var dataType = DataType(path, change.DataType ?? PrimaryDataTypeWhenNotSent, errors);
            var field = new FieldDefinition(apiName ?? "", change.Name ?? "", change.Description, dataType ?? default);
            errors.AddRange(ActivityTypeRules.ValidateField(path, field));
            return errors.Count > 0 ? DefinitionEdit.Refused(errors) : DefinitionEdit.To(definition with { PrimaryField = field });
        }
        var updated = all[index] with
        {
            DisplayName = change.Name ?? all[index].DisplayName,
            Description = change.Description ?? all[index].Description,
            DataType = change.DataType is null ? all[index].DataType : DataType(path, change.DataType, errors) ?? all[index].DataType,
        };
        errors.AddRange(ActivityTypeRules.ValidateField(path, updated));
        if (errors.Count > 0)
        {
            return DefinitionEdit.Refused(errors);
        }
        if (index == 0)
        {
            return DefinitionEdit.To(definition with { PrimaryField = updated });
        }
        var fields = definition.Fields.ToList();
        fields[index - 1] = definition.PrimaryField;
        return DefinitionEdit.To(definition with { PrimaryField = updated, Fields = fields });
    }

    private static int? Find(List<FieldDefinition> all, string? apiName, string path, List<Problem> errors)
    {
        if (string.IsNullOrWhiteSpace(apiName))
        {
            errors.Add(new(path + ".apiName", ActivityTypeErrorCodes.Required, "Enter the attribute's API name."));
            return null;
        }
        var index = all.FindIndex(f => f.ApiName == apiName.Trim());
        if (index < 0)
        {
            errors.Add(new(path + ".apiName", ActivityTypeErrorCodes.FieldNotFound, $"The type has no attribute \"{apiName.Trim()}\".") { Arguments = [apiName.Trim()] });
            return null;
        }
        return index;
    }

    private static FieldDataType? DataType(string path, string? value, List<Problem> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(path + ".dataType", ActivityTypeErrorCodes.Required, "Choose a data type."));
            return null;
        }
        if (!FieldDataTypeNames.TryParse(value.Trim(), out var dataType))
        {
            errors.Add(new(path + ".dataType", ActivityTypeErrorCodes.InvalidDataType,
                $"Unknown data type \"{value}\": use one of {string.Join(", ", Enum.GetValues<FieldDataType>().Select(t => t.ToWire()))}."));
            return null;
        }
        return dataType;
    }

    private static void OnePrimaryAtMost(IReadOnlyList<AttributeChange> attributes, List<Problem> errors)
    {
        if (attributes.Count(a => a.IsPrimary == true) > 1)
        {
            errors.Add(new("attributes", ActivityTypeErrorCodes.OnePrimaryField, "Only one attribute can be primary."));
        }
    }

    private static DefinitionEdit NoAttributes() =>
        DefinitionEdit.Refused("attributes", ActivityTypeErrorCodes.Required, "Send at least one attribute.");

    private static string Path(int index) => $"attributes[{index}]";
}
