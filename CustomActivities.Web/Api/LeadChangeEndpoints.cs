using System.Globalization;
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
        var token = query["nextPageToken"].FirstOrDefault();
        if (string.IsNullOrEmpty(token))
        {
            return Envelope.Error(ApiErrors.Missing("nextPageToken"));
        }
        if (!PagingPosition.TryParse(token, out var position))
        {
            return Envelope.Error(ApiErrors.Invalid("Invalid nextPageToken"));
        }
        var names = (query["fields"].FirstOrDefault() ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length == 0)
        {
            return Envelope.Error(ApiErrors.Missing("fields"));
        }
        var fieldIds = new List<int>();
        foreach (var name in names)
        {
            if (LeadService.FindField(name) is not { } field)
            {
                return Envelope.Error(new ApiError("1006", $"Field '{name}' not found"));
            }
            fieldIds.Add(field.Id);
        }
        if (ApiQuery.Ints(query["leadIds"].FirstOrDefault(), "leadIds", out var leadIds, ActivityPaging.MaxLeadFilters) is { } leadError)
        {
            return leadError;
        }
        var batchSize = ActivityPaging.MaxBatchSize;
        if (query["batchSize"].FirstOrDefault() is { } batchText
            && (!int.TryParse(batchText, NumberStyles.None, CultureInfo.InvariantCulture, out batchSize) || batchSize is < 1 or > ActivityPaging.MaxBatchSize))
        {
            return Envelope.Error(ApiErrors.Invalid($"batchSize must be 1 to {ActivityPaging.MaxBatchSize}"));
        }
        var (listError, listId) = await ActivityEndpoints.ListFilterAsync(query["listId"].FirstOrDefault(), lists, http.RequestAborted);
        if (listError is not null)
        {
            return listError;
        }
        var page = await paging.ReadAsync(position, [StandardActivityTypes.NewLead, StandardActivityTypes.ChangeDataValue], leadIds, batchSize,
            http.RequestAborted, listId, fieldIds);
        return Envelope.Written(json => Write(json, page.Activities), page.MoreResult, page.NextPageToken);
    }

    private static void Write(Utf8JsonWriter json, IReadOnlyList<ActivityRow> rows)
    {
        json.WriteStartArray();
        foreach (var row in rows)
        {
            var attributes = Attributes(row.Attributes);
            json.WriteStartObject();
            json.WriteNumber("id", row.Id);
            json.WriteString("marketoGUID", row.Id.ToString(CultureInfo.InvariantCulture));
            json.WriteNumber("leadId", row.LeadId);
            json.WriteString("activityDate", FieldValueParser.FormatDateTime(row.OccurredAt));
            json.WriteNumber("activityTypeId", row.ActivityTypeId);
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
