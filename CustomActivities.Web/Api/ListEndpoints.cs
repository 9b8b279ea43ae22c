using System.Buffers.Binary;
using System.Globalization;
using System.Text.Json;
using CustomActivities.Core.Activities;
using CustomActivities.Core.ApiClients;
using CustomActivities.Core.Lists;

namespace CustomActivities.Web.Api;

/// <summary>
/// Marketo's static list endpoints of the lead database: get lists, get one, the members (get, add, remove) and
/// membership checks. An unknown list answers 1013 "Object not found", as Marketo does.
/// </summary>
public static class ListEndpoints
{
    /// <summary>Marketo's page size limit of lists.json and the members of a list.</summary>
    private const int MaxBatchSize = 300;

    public static void Map(RouteGroupBuilder rest)
    {
        rest.MapGet("/lists.json", ListAsync)
            .Requires(ApiAccess.Read)
            .WithQuery("id", "comma-separated (or repeated) static list ids")
            .WithQuery("name", "comma-separated (or repeated) static list names, matched exactly (case-insensitive)")
            .WithQuery("batchSize", "1 to 300 (default 300)")
            .WithQuery("nextPageToken", "token from the previous page")
            .WithSummary("Get static lists")
            .WithDescription("Lists in id order: {id, name, description, workspaceName, createdAt, updatedAt}. nextPageToken is returned when another page follows.");

        rest.MapGet("/lists/{listId}.json", GetAsync)
            .Requires(ApiAccess.Read)
            .WithSummary("Get a static list by id")
            .WithDescription("One list, or 1013 Object not found.");

        rest.MapGet("/lists/{listId}/leads.json", MembersAsync)
            .Requires(ApiAccess.Read)
            .WithQuery("fields", "comma-separated lead fields (default id,email,firstName,lastName,updatedAt,createdAt)")
            .WithQuery("batchSize", "1 to 300 (default 300)")
            .WithQuery("nextPageToken", "token from the previous page")
            .WithSummary("Get leads by list id")
            .WithDescription("The list's members in lead id order, page by page (nextPageToken when another page follows); 1013 for an unknown list.");

        rest.MapPost("/lists/{listId}/leads.json", (string listId, HttpContext http, StaticListMembership members) =>
                ChangeAsync(listId, http, (list, ids) => members.AddAsync(list, ids, http.RequestAborted)))
            .Requires(ApiAccess.WriteData)
            .WithQuery("id", "lead ids, comma-separated or repeated, at most 300 (or a body {\"input\":[{\"id\":…}]})")
            .WithSummary("Add leads to a static list")
            .WithDescription("Per lead id, in the order sent: {id, status: added} (also when already a member) or {id, status: skipped, reasons: [{code: 1004, message: Lead not found}]}. Each addition records an Add to List (24) activity.")
            .WithMetadata(new ApiBodyExample("""{"input":[{"id":1},{"id":2}]}"""));

        rest.MapDelete("/lists/{listId}/leads.json", (string listId, HttpContext http, StaticListMembership members) =>
                ChangeAsync(listId, http, (list, ids) => members.RemoveAsync(list, ids, http.RequestAborted)))
            .Requires(ApiAccess.WriteData)
            .WithQuery("id", "lead ids, comma-separated or repeated, at most 300 (or a body {\"input\":[{\"id\":…}]})")
            .WithSummary("Remove leads from a static list")
            .WithDescription("Per lead id: {id, status: removed} or skipped with 1015 (not in list) or 1004 (lead not found). Each removal records a Remove from List (25) activity.");

        rest.MapGet("/lists/{listId}/leads/ismember.json", (string listId, HttpContext http, StaticListMembership members) =>
                ChangeAsync(listId, http, (list, ids) => members.IsMemberAsync(list, ids, http.RequestAborted)))
            .Requires(ApiAccess.WriteData)
            .WithQuery("id", "lead ids, comma-separated or repeated, at most 300", required: true)
            .WithSummary("Check whether leads are members of a static list")
            .WithDescription("Per lead id: {id, status: memberof|notmemberof} or skipped with 1004. Needs a client that may write data, as Marketo's Read-Write Lead permission.");
    }

    private static async Task<IResult> ListAsync(HttpContext http, StaticListService lists)
    {
        var query = http.Request.Query;
        if (ApiQuery.Ints(query["id"], "id", out var ids) is { } idError)
        {
            return idError;
        }
        var names = ApiQuery.Values(query["name"]);
        if (Paging(query, out var after, out var batchSize) is { } pagingError)
        {
            return pagingError;
        }
        var (page, more) = await lists.QueryAsync(ids, names, after, batchSize, http.RequestAborted);
        return Envelope.Success(page.Select(Describe), nextPageToken: more ? Token(page[^1].Id) : null);
    }

    private static async Task<IResult> GetAsync(string listId, StaticListService lists, CancellationToken cancellationToken)
    {
        if (ListId(listId, out var id) is { } listIdError)
        {
            return listIdError;
        }
        return await lists.FindAsync(id, cancellationToken) is { } list ? Envelope.Success([Describe(list)]) : ListNotFound(id);
    }

    private static async Task<IResult> MembersAsync(string listId, HttpContext http, StaticListService lists, StaticListMembership members)
    {
        if (ListId(listId, out var id) is { } listIdError)
        {
            return listIdError;
        }
        if (LeadEndpoints.Fields(http.Request.Query["fields"].FirstOrDefault(), out var fields) is { } fieldError)
        {
            return fieldError;
        }
        if (Paging(http.Request.Query, out var after, out var batchSize) is { } pagingError)
        {
            return pagingError;
        }
        var page = await members.MembersAfterAsync(id, after, batchSize, http.RequestAborted);
        // Asked only of an empty page: deleting a list deletes its members, so an unknown list always has none.
        if (page.Members.Count == 0 && !await lists.ExistsAsync(id, http.RequestAborted))
        {
            return ListNotFound(id);
        }
        return Envelope.Success(page.Members.Select(p => LeadEndpoints.Row(p, fields)),
            nextPageToken: page.NextAfter is { } next ? Token(next) : null);
    }

    private static async Task<IResult> ChangeAsync(string listId, HttpContext http,
        Func<int, IReadOnlyList<int>, Task<IReadOnlyList<MembershipResult>?>> change)
    {
        if (ListId(listId, out var id) is { } listIdError)
        {
            return listIdError;
        }
        if (ApiQuery.Ints(http.Request.Query["id"], "id", out var ids) is { } idError)
        {
            return idError;
        }
        if (ids.Count == 0 && (http.Request.ContentLength ?? 0) > 0)
        {
            if (await IdsFromBodyAsync(http) is { } body)
            {
                if (body.Refusal is not null)
                {
                    return body.Refusal;
                }
                ids = body.Ids;
            }
        }
        if (ids.Count == 0)
        {
            return Envelope.Error(ApiErrors.Missing("id"));
        }
        if (ids.Count > StaticListMembership.MaxIdsPerCall)
        {
            return Envelope.Error(ApiErrors.Invalid($"Too many ids: at most {StaticListMembership.MaxIdsPerCall} per call, {ids.Count} sent"));
        }
        var results = await change(id, ids);
        return results is null ? ListNotFound(id) : Envelope.Success(results.Select(Status));
    }

    /// <summary>Marketo's optional body {"input":[{"id":1},…]} for the membership calls.</summary>
    private static async Task<(List<int> Ids, IResult? Refusal)?> IdsFromBodyAsync(HttpContext http)
    {
        var (body, refusal) = await RequestBody.ReadJsonAsync(http);
        if (refusal is not null)
        {
            return ([], refusal);
        }
        using (body)
        {
            try
            {
                using var document = JsonDocument.Parse(body!.Memory);
                if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("input", out var input)
                    || input.ValueKind != JsonValueKind.Array)
                {
                    return ([], Envelope.Error(ApiErrors.Missing("input")));
                }
                var ids = new List<int>();
                foreach (var record in input.EnumerateArray())
                {
                    if (record.ValueKind != JsonValueKind.Object || !record.TryGetProperty("id", out var value) || !value.TryGetInt32(out var leadId))
                    {
                        return ([], Envelope.Error(new ApiError("1001", "Invalid value in 'input': objects {\"id\": integer} expected")));
                    }
                    ids.Add(leadId);
                }
                return (ids, null);
            }
            catch (JsonException e)
            {
                return ([], Envelope.Error(ApiErrors.InvalidJson(e.Message)));
            }
        }
    }

    private static object Status(MembershipResult result) => result.Reason is null
        ? new { id = result.Id, status = result.Status }
        : new { id = result.Id, status = result.Status, reasons = new[] { new { code = result.Reason.Code, message = result.Reason.Message } } };

    private static object Describe(StaticListView list) => new
    {
        id = list.Id,
        name = list.Name,
        description = list.Description,
        workspaceName = "Default",
        createdAt = FieldValueParser.FormatDateTime(list.CreatedAt),
        updatedAt = FieldValueParser.FormatDateTime(list.UpdatedAt),
    };

    private static IResult? Paging(IQueryCollection query, out int after, out int batchSize)
    {
        after = 0;
        if (ApiQuery.BatchSize(query, MaxBatchSize, out batchSize) is { } batchError)
        {
            return batchError;
        }
        if (query["nextPageToken"].FirstOrDefault() is { Length: > 0 } token && !TryReadToken(token, out after))
        {
            return Envelope.Error(ApiErrors.Invalid("Invalid nextPageToken"));
        }
        return null;
    }

    /// <summary>The list id of the path: 1003 when it is not an integer.</summary>
    private static IResult? ListId(string text, out int id) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id) ? null : Envelope.Error(ApiErrors.Invalid($"Invalid listId '{text}': an integer expected"));

    /// <summary>An opaque token holding the last id of a page (lists by list id, members by lead id).</summary>
    private static string Token(int lastId)
    {
        Span<byte> bytes = stackalloc byte[5];
        bytes[0] = 2;
        BinaryPrimitives.WriteInt32BigEndian(bytes[1..], lastId);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    private static bool TryReadToken(string token, out int lastId)
    {
        lastId = 0;
        var base64 = token.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
        Span<byte> bytes = stackalloc byte[8];
        if (token.Length > 12 || !Convert.TryFromBase64String(base64, bytes, out var written) || written != 5 || bytes[0] != 2)
        {
            return false;
        }
        lastId = BinaryPrimitives.ReadInt32BigEndian(bytes[1..]);
        return lastId >= 0;
    }

    /// <summary>Marketo's 1013 for a list id that names no static list (Core's wording).</summary>
    internal static IResult ListNotFound(int id) => Envelope.Error(ApiErrors.From(StaticListErrors.NotFoundFor(id)));
}
