using System.Globalization;
using System.Text.Json;
using CustomActivities.Core.Activities;
using CustomActivities.Core.ApiClients;
using CustomActivities.Core.People;

namespace CustomActivities.Web.Api;

/// <summary>Leads (persons): sync, query by email or id, get one, describe.</summary>
public static class LeadEndpoints
{
    public static void Map(RouteGroupBuilder rest)
    {
        rest.MapPost("/leads.json", SyncAsync)
            .Requires(ApiAccess.WriteData)
            .WithSummary("Create or update leads (persons)")
            .WithDescription("Body {action: createOnly|updateOnly|createOrUpdate (default), lookupField: email (default)|id, input: [{email, firstName, lastName, company, id}]}, at most 300 records. Result per record, in input order: {id, status: created|updated} or {status: skipped, reasons: [{code, message}]} with 1001, 1002, 1003, 1004, 1005, 1006.")
            .WithMetadata(new ApiBodyExample("""{"action":"createOrUpdate","lookupField":"email","input":[{"email":"ada@example.com","firstName":"Ada","lastName":"Lovelace","company":"Analytical"}]}"""));

        rest.MapGet("/leads.json", QueryAsync)
            .Requires(ApiAccess.Read)
            .WithQuery("filterType", "email or id", required: true)
            .WithQuery("filterValues", "comma-separated, at most 300", required: true)
            .WithQuery("fields", "comma-separated field names (see describe)")
            .WithSummary("Get leads by email or id")
            .WithDescription("filterType=email|id, filterValues=comma-separated (at most 300; with filterType=id each an integer, else 1001), fields=comma-separated (default id,email,firstName,lastName,updatedAt,createdAt; id is always returned)." + MethodTunnelling.Note);

        rest.MapGet("/lead/{id}.json", GetAsync)
            .Requires(ApiAccess.Read)
            .WithQuery("fields", "comma-separated field names")
            .WithSummary("Get a lead by id")
            .WithDescription("An empty result when there is no such lead, as Marketo answers. The record always holds id, whatever fields lists.");

        rest.MapGet("/leads/describe.json", () => Envelope.Success(LeadService.Fields.Select(f => new
            {
                id = f.Id,
                displayName = f.DisplayName,
                dataType = f.DataType,
                length = f.Length,
                rest = new { name = f.RestName, readOnly = f.ReadOnly },
            })))
            .Requires(ApiAccess.Read)
            .WithSummary("Describe the lead fields");

        LeadPartitionEndpoints.Map(rest);
    }

    private static async Task<IResult> SyncAsync(HttpContext http, LeadService leads)
    {
        var (body, refusal) = await RequestBody.ReadJsonAsync(http);
        if (refusal is not null)
        {
            return refusal;
        }
        using (body)
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(body!.Memory);
            }
            catch (JsonException e)
            {
                return Envelope.Error(ApiErrors.InvalidJson(e.Message));
            }
            using (document)
            {
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    return Envelope.Error(ApiErrors.InvalidJson("the body must be a JSON object"));
                }
                var actionText = root.TryGetProperty("action", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : "createOrUpdate";
                LeadAction? action = actionText switch
                {
                    "createOnly" => LeadAction.CreateOnly,
                    "updateOnly" => LeadAction.UpdateOnly,
                    "createOrUpdate" => LeadAction.CreateOrUpdate,
                    _ => null,
                };
                if (action is null)
                {
                    return Envelope.Error(ApiErrors.Invalid($"Invalid action '{actionText}': createOnly, updateOnly or createOrUpdate"));
                }
                var lookupField = root.TryGetProperty("lookupField", out var l) && l.ValueKind == JsonValueKind.String ? l.GetString()! : "email";
                if (lookupField is not ("email" or "id"))
                {
                    return Envelope.Error(ApiErrors.Invalid($"Invalid lookupField '{lookupField}': email or id"));
                }
                if (lookupField == "id" && action == LeadAction.CreateOnly)
                {
                    return Envelope.Error(ApiErrors.BusinessRule("createOnly cannot look leads up by id: new leads get their id from the server"));
                }
                if (!root.TryGetProperty("input", out var input) || input.ValueKind != JsonValueKind.Array || input.GetArrayLength() == 0)
                {
                    return Envelope.Error(ApiErrors.Missing("input"));
                }
                var max = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<ApiOptions>>().CurrentValue.MaxBatchSize;
                if (input.GetArrayLength() > max)
                {
                    return Envelope.Error(ApiErrors.Invalid($"Too many records: at most {max} per call"));
                }
                var records = new List<IReadOnlyDictionary<string, ApiValue>>();
                foreach (var element in input.EnumerateArray())
                {
                    if (element.ValueKind != JsonValueKind.Object)
                    {
                        return Envelope.Error(ApiErrors.InvalidJson("each element of 'input' must be an object"));
                    }
                    var record = new Dictionary<string, ApiValue>(StringComparer.OrdinalIgnoreCase);
                    foreach (var property in element.EnumerateObject())
                    {
                        record[property.Name] = ToValue(property.Value);
                    }
                    records.Add(record);
                }
                var results = await leads.UpsertAsync(action.Value, lookupField, records, http.RequestAborted);
                return Envelope.Success(results.Select(r => r.Reasons is null
                    ? (object)new { id = r.Id, status = r.Status }
                    : new { status = r.Status, reasons = r.Reasons.Select(x => new { code = x.Code, message = x.Message }) }));
            }
        }
    }

    private static async Task<IResult> QueryAsync(HttpContext http, LeadService leads)
    {
        var query = http.Request.Query;
        var filterType = query["filterType"].FirstOrDefault();
        if (string.IsNullOrEmpty(filterType))
        {
            return Envelope.Error(ApiErrors.Missing("filterType"));
        }
        if (filterType is not ("email" or "id"))
        {
            return Envelope.Error(ApiErrors.Invalid($"Invalid filterType '{filterType}': email or id"));
        }
        var values = Split(query["filterValues"].FirstOrDefault());
        if (values.Count == 0)
        {
            return Envelope.Error(ApiErrors.Missing("filterValues"));
        }
        if (values.Count > 300)
        {
            return Envelope.Error(ApiErrors.Invalid("Too many filterValues: at most 300"));
        }
        if (filterType == "id" && values.FirstOrDefault(v => !int.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)) is { } notAnId)
        {
            return Envelope.Error(ApiErrors.WrongType(notAnId, "integer"));
        }
        if (Fields(query["fields"].FirstOrDefault(), out var fields) is { } fieldError)
        {
            return fieldError;
        }
        var people = await leads.FindAsync(filterType == "email", values, http.RequestAborted);
        return Envelope.Success(people.Select(p => Row(p, fields)));
    }

    private static async Task<IResult> GetAsync(string id, HttpContext http, LeadService leads)
    {
        if (!int.TryParse(id, out var leadId))
        {
            return Envelope.Error(ApiErrors.NotFound());
        }
        if (Fields(http.Request.Query["fields"].FirstOrDefault(), out var fields) is { } fieldError)
        {
            return fieldError;
        }
        var people = await leads.FindAsync(false, [leadId.ToString(System.Globalization.CultureInfo.InvariantCulture)], http.RequestAborted);
        return Envelope.Success(people.Select(p => Row(p, fields)));
    }

    internal static IResult? Fields(string? text, out IReadOnlyList<string> fields)
    {
        var requested = Split(text);
        var refusal = Resolve(requested.Count == 0 ? LeadService.DefaultFields : requested, out var resolved);
        fields = [.. resolved.Select(f => f.RestName)];
        return refusal;
    }

    /// <summary>The lead fields of these names, or 1006 for the first unknown one.</summary>
    internal static IResult? Resolve(IEnumerable<string> names, out List<LeadField> fields)
    {
        fields = [];
        foreach (var name in names)
        {
            if (LeadService.FindField(name) is not { } field)
            {
                return Envelope.Error(new ApiError("1006", $"Field '{name}' not found"));
            }
            fields.Add(field);
        }
        return null;
    }

    /// <summary>A lead record: Marketo always sends the id first, whatever <c>fields</c> lists.</summary>
    internal static Dictionary<string, object?> Row(Person person, IReadOnlyList<string> fields) =>
        fields.Prepend("id").Distinct().ToDictionary(f => f, f => LeadService.Value(person, f));

    private static List<string> Split(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static ApiValue ToValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => ApiValue.String(value.GetString()!),
        JsonValueKind.Number => ApiValue.Number(value.GetRawText()),
        JsonValueKind.True => ApiValue.Boolean(true),
        JsonValueKind.False => ApiValue.Boolean(false),
        JsonValueKind.Null => ApiValue.Null,
        _ => new ApiValue(ApiValueKind.Structured, null),
    };
}
