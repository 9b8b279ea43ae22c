using CustomActivities.Core.Auditing;
using CustomActivities.Core.Results;

namespace CustomActivities.Core.ActivityTypes;

/// <summary>Partial edits as integrations send them (Marketo's type and attribute endpoints), under the same rules as the wizard.</summary>
public sealed partial class ActivityTypeService
{
    /// <summary>Creates a type (a draft) from a create request: the type's names and its primary attribute.</summary>
    public async Task<Result<string>> CreateAsync(Actor actor, TypeChange request, CancellationToken cancellationToken = default)
    {
        var edit = ActivityTypeEdits.New(request);
        return edit.Definition is { } definition ? await CreateAsync(actor, definition, cancellationToken) : Result.Failure<string>(edit.Errors);
    }

    /// <summary>Changes the type-level properties that were sent (and possibly the primary attribute) in the draft.</summary>
    public Task<Result<string>> UpdateDraftAsync(Actor actor, string apiName, TypeChange request, CancellationToken cancellationToken = default) =>
        EditDraftAsync(actor, apiName, current => ActivityTypeEdits.Update(current, request), cancellationToken);

    public Task<Result<string>> AddAttributesAsync(Actor actor, string apiName, IReadOnlyList<AttributeChange> attributes,
        CancellationToken cancellationToken = default) =>
        EditDraftAsync(actor, apiName, current => ActivityTypeEdits.AddAttributes(current, attributes), cancellationToken);

    public Task<Result<string>> UpdateAttributesAsync(Actor actor, string apiName, IReadOnlyList<AttributeChange> attributes,
        CancellationToken cancellationToken = default) =>
        EditDraftAsync(actor, apiName, current => ActivityTypeEdits.UpdateAttributes(current, attributes), cancellationToken);

    public Task<Result<string>> RemoveAttributesAsync(Actor actor, string apiName, IReadOnlyList<string?> attributeApiNames,
        CancellationToken cancellationToken = default) =>
        EditDraftAsync(actor, apiName, current => ActivityTypeEdits.RemoveAttributes(current, attributeApiNames), cancellationToken);

    /// <summary>
    /// Edits the draft starting from what it holds now (the live version when there is no draft). The edit is computed from the
    /// type loaded in the same unit of work that saves it, so a concurrent change is reported as a conflict, never silently undone.
    /// </summary>
    public Task<Result<string>> EditDraftAsync(Actor actor, string apiName, Func<ActivityTypeDefinition, DefinitionEdit> edit,
        CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, apiName, null, Actions.DraftUpdated, async (context, type) =>
        {
            var (definition, errors) = edit(type.EditableDefinition);
            return definition is null ? errors : await ApplyEditAsync(context, type, actor, definition, cancellationToken);
        }, cancellationToken);
}
