using System.Text.Json;
using CustomActivities.Core.Activities;
using CustomActivities.Core.ApiClients;
using CustomActivities.Core.Lists;
using CustomActivities.Core.People;

namespace CustomActivities.Web.Api;

/// <summary>
/// Marketo's Get Lead Changes: the Change Data Value (13) activities of the requested lead fields and the New Lead (12)
/// activities, paged exactly as activities.json (same tokens from pagingtoken.json), each change as {id, name, newValue, oldValue}.
/// </summary>
public static class LeadChangeEndpoints
{
    public static void Map(RouteGroupBuilder rest)
    {
        rest.MapGet("/activities/leadchanges.json", ReadAsync)
            .Requires(ApiAccess.Read)
            .WithQuery("nextPageToken", "token from pagingtoken.json or the previous page", required: true)
            .WithQuery("fields", "comma-separated lead fields whose changes to return (see leads/describe.json)", required: true)
            .WithQuery("leadIds", "comma-separated, at most 30")
            .WithQuery("listId", "only the members of this static list (1013 when there is no such list)")
            .WithQuery("batchSize", "1 to 300 (default 300)")
            .WithSummary("Get lead changes (Change Data Value and New Lead activities)")
            .WithDescription("Result items {id, marketoGUID, leadId, activityDate, activityTypeId, fields:[{id, name, newValue, oldValue}], attributes:[{name, value}]}; moreResult and nextPageToken as activities.json. An unknown field answers 1006.");
    }

    private static async Task<IResult> ReadAsync(HttpContext http, ActivityPaging paging, StaticListService lists)
    {
        var query = http.Request.Query;
        var fieldIds = new List<int>();
        var (page, refusal) = ActivityPageQuery.TryRead(query, () => FieldIds(query["fields"].FirstOrDefault(), fieldIds));
        if (page is null)
        {
            return refusal!;
        }
        var changes = await paging.ReadAsync(page.Position, [StandardActivityTypes.NewLead, StandardActivityTypes.ChangeDataValue], page.LeadIds, page.BatchSize,
            http.RequestAborted, page.ListId, fieldIds);
        if (await page.UnknownListAsync(changes.Activities.Count, lists, http.RequestAborted) is { } unknownList)
        {
            return unknownList;
        }
        return Envelope.Written(json => Write(json, changes.Activities), changes.MoreResult, changes.NextPageToken);
    }

    /// <summary>The ids of the requested lead fields: 1002 when none is named, 1006 for an unknown one.</summary>
    private static IResult? FieldIds(string? text, List<int> fieldIds)
    {
        var names = (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length == 0)
        {
            return Envelope.Error(ApiErrors.Missing("fields"));
        }
        var refusal = LeadEndpoints.Resolve(names, out var fields);
        fieldIds.AddRange(fields.Select(f => f.Id));
        return refusal;
    }

    private static void Write(Utf8JsonWriter json, IReadOnlyList<ActivityRow> rows)
    {
        json.WriteStartArray();
        foreach (var row in rows)
        {
            var attributes = Attributes(row.Attributes);
            json.WriteStartObject();
            ActivityEndpoints.WriteHeader(json, row);
            json.WriteStartArray("fields");
            if (row.ActivityTypeId == StandardActivityTypes.ChangeDataValue && row.PrimaryValueId is { } fieldId)
            {
                json.WriteStartObject();
                json.WriteNumber("id", fieldId);
                json.WriteString("name", LeadService.Fields.FirstOrDefault(f => f.Id == fieldId)?.RestName ?? row.PrimaryValue);
                json.WriteString("newValue", attributes.GetValueOrDefault(StandardActivityTypes.NewValue));
                json.WriteString("oldValue", attributes.GetValueOrDefault(StandardActivityTypes.OldValue));
                json.WriteEndObject();
                attributes.Remove(StandardActivityTypes.NewValue);
                attributes.Remove(StandardActivityTypes.OldValue);
            }
            json.WriteEndArray();
            json.WriteStartArray("attributes");
            foreach (var (name, value) in attributes)
            {
                json.WriteStartObject();
                json.WriteString("name", name);
                json.WriteString("value", value);
                json.WriteEndObject();
            }
            json.WriteStartObject();
            json.WriteString("name", "Lead ID");
            json.WriteNumber("value", row.LeadId);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static Dictionary<string, string?> Attributes(string? json)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(json))
        {
            return values;
        }
        using var document = JsonDocument.Parse(json);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            values[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : property.Value.ValueKind == JsonValueKind.Null ? null : property.Value.GetRawText();
        }
        return values;
    }
}
