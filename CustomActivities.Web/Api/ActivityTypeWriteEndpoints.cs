using System.Text.Json;
using CustomActivities.Core.ActivityTypes;
using CustomActivities.Core.ApiClients;
using CustomActivities.Web.Components.Pages.ActivityTypes;
using CustomActivities.Core.Results;

namespace CustomActivities.Web.Api;

/// <summary>
/// Creating and changing custom activity types (Marketo's "Custom Activities Metadata" write endpoints). Every change goes
/// through <see cref="ActivityTypeService"/>, the same code and rules as the wizard and the approval pages, acting as the
/// calling client so the audit log names it ("api:&lt;client name&gt;"). Refusals answer 200 with success false.
/// </summary>
public static class ActivityTypeWriteEndpoints
{
    private const string Answer = "Answers the type as describe.json does";
    private const string Refusals = "1002 a required value is missing; 1003 invalid data (names, data type, two primary attributes); "
        + "709 a business rule (duplicate API, trigger or filter name, too many attributes or types, what cannot change after approval, archived type, concurrent change)";

    public static void Map(RouteGroupBuilder rest)
    {
        rest.MapPost("/activities/external/type.json", CreateAsync)
            .Requires(ApiAccess.ManageTypes)
            .WithSummary("Create a custom activity type (a draft)")
            .WithDescription($$$"""
                Body {apiName, name, triggerName, filterName, description?, primaryAttribute:{apiName, name, description?, dataType?}} (dataType defaults to string, as in Marketo's example).
                The new type is a draft waiting for approval; add more attributes with attributes/create.json ("attributes" in this body are ignored, as in Marketo).
                {{{Answer}}} with ?draft=true. Errors: 609 malformed JSON or wrong shape, 612 not application/json, {{{Refusals}}}.
                """)
            .WithMetadata(new ApiBodyExample("""
                {"apiName":"webinarAttended","name":"Webinar attended","triggerName":"Attends Webinar","filterName":"Attended Webinar",
                 "description":"A person attended one of our webinars",
                 "primaryAttribute":{"apiName":"webinarName","name":"Webinar name","description":"Title of the webinar","dataType":"string"}}
                """));

        rest.MapPost("/activities/external/type/{apiName}.json", UpdateAsync)
            .Requires(ApiAccess.ManageTypes)
            .WithSummary("Update a custom activity type (its draft)")
            .WithDescription($$"""
                Body: any of {apiName, name, triggerName, filterName, description, primaryAttribute}; what is not sent keeps its value ("" clears the description).
                Changes go to the pending draft; on an approved type without a draft they start one (status "approved with draft"), the live version is untouched until approval.
                apiName can change only before the first approval. primaryAttribute naming an existing attribute updates it and makes it primary
                (the old primary takes its place); naming a new attribute replaces the primary (before the first approval only).
                {{Answer}} with ?draft=true. Errors: 610 unknown type, 609, 612, {{Refusals}}.
                """)
            .WithMetadata(new ApiBodyExample("""{"name":"Webinar joined","triggerName":"Joins Webinar","filterName":"Joined Webinar","description":"Changed"}"""));

        rest.MapPost("/activities/external/type/{apiName}/approve.json", ApproveAsync)
            .Requires(ApiAccess.ManageTypes)
            .WithSummary("Approve the draft of a custom activity type")
            .WithDescription($$"""
                No body. The pending draft becomes the live version (earlier approved versions stay readable). A full-permission client acts as an admin here.
                As in Marketo, a client may approve a draft it edited itself (audited as approved by the draft's author) unless Approvals:ApiClientsMayApproveOwnDrafts
                is false; then, unless Approvals:AllowSelfApproval is true, whoever last edited the draft cannot approve it (709).
                {{Answer}} (the new live version, status approved). Errors: 610 unknown type, 709 no draft, self-approval, archived type, concurrent change.
                """);

        rest.MapPost("/activities/external/type/{apiName}/discardDraft.json", DiscardDraftAsync)
            .Requires(ApiAccess.ManageTypes)
            .WithSummary("Discard the draft of a custom activity type")
            .WithDescription($$"""
                No body. Throws away the pending draft of an approved type (kept as a discarded version). A never-approved type is deleted instead (709).
                {{Answer}} (the live version). Errors: 610 unknown type, 709 no draft, never approved, concurrent change.
                """);

        rest.MapPost("/activities/external/type/{apiName}/delete.json", DeleteAsync)
            .Requires(ApiAccess.ManageTypes)
            .WithSummary("Delete a custom activity type")
            .WithDescription("""
                No body. Deletes a type that has no activities, with all its versions; a type with activities can only be archived (in the app) (709).
                Answers the type as describe.json described it just before. Errors: 610 unknown type, 709 has activities, concurrent change.
                """);

        rest.MapPost("/activities/external/type/{apiName}/attributes/create.json", CreateAttributesAsync)
            .Requires(ApiAccess.ManageTypes)
            .WithSummary("Add attributes to a custom activity type (its draft)")
            .WithDescription($$"""
                Body {"attributes":[{apiName, name, description?, dataType, isPrimary?}]}. The attributes are appended to the draft (started from the live version if needed).
                isPrimary true makes the new attribute primary and the old primary a secondary one (before the first approval only: afterwards the primary can only be
                swapped with an approved attribute of the same data type). {{Answer}} with ?draft=true.
                Errors: 610 unknown type, 609, 612, {{Refusals}}; 1003 also for an attribute that already exists.
                """)
            .WithMetadata(new ApiBodyExample("""
                {"attributes":[{"apiName":"minutesWatched","name":"Minutes watched","description":"How long the person stayed","dataType":"integer"}]}
                """));

        rest.MapPost("/activities/external/type/{apiName}/attributes/update.json", UpdateAttributesAsync)
            .Requires(ApiAccess.ManageTypes)
            .WithSummary("Update attributes of a custom activity type (its draft)")
            .WithDescription($$"""
                Body {"attributes":[{apiName, name?, description?, dataType?, isPrimary?}]}: attributes are found by apiName (which never changes); what is not sent keeps its value.
                isPrimary true on a secondary attribute swaps it with the primary one (after approval only with an approved attribute of the same data type);
                the primary loses isPrimary only that way, in the same call. An approved attribute keeps its data type (709). {{Answer}} with ?draft=true.
                Errors: 610 unknown type, 1006 unknown attribute, 609, 612, {{Refusals}}.
                """)
            .WithMetadata(new ApiBodyExample("""{"attributes":[{"apiName":"minutesWatched","name":"Minutes attended"},{"apiName":"sessionCode","isPrimary":true}]}"""));

        rest.MapPost("/activities/external/type/{apiName}/attributes/delete.json", DeleteAttributesAsync)
            .Requires(ApiAccess.ManageTypes)
            .WithSummary("Remove attributes from a custom activity type (its draft)")
            .WithDescription($$"""
                Body {"attributes":[{apiName}]}. Removes secondary attributes from the draft; activities already recorded keep their values.
                The primary attribute cannot be removed (709): promote another one first. {{Answer}} with ?draft=true.
                Errors: 610 unknown type, 1006 unknown attribute, 609, 612, 1002, 709.
                """)
            .WithMetadata(new ApiBodyExample("""{"attributes":[{"apiName":"minutesWatched"}]}"""));
    }

    private static Task<IResult> CreateAsync(HttpContext http, ActivityTypeService types, ActivityTypeApiQueries queries) =>
        WithBodyAsync(http, ActivityTypeRequestReader.ReadType, async request =>
            await DescribeAsync(await types.CreateAsync(Caller(http), request, http.RequestAborted), draft: true, queries, http.RequestAborted));

    private static Task<IResult> UpdateAsync(string apiName, HttpContext http, ActivityTypeService types, ActivityTypeApiQueries queries) =>
        WithBodyAsync(http, ActivityTypeRequestReader.ReadType, async request =>
            await DescribeAsync(await types.UpdateDraftAsync(Caller(http), apiName, request, http.RequestAborted), draft: true, queries, http.RequestAborted));

    private static async Task<IResult> ApproveAsync(string apiName, HttpContext http, ActivityTypeService types, ActivityTypeApiQueries queries) =>
        await DescribeAsync(await types.ApproveAsync(Caller(http), apiName, cancellationToken: http.RequestAborted), draft: false, queries, http.RequestAborted);

    private static async Task<IResult> DiscardDraftAsync(string apiName, HttpContext http, ActivityTypeService types, ActivityTypeApiQueries queries) =>
        await DescribeAsync(await types.DiscardDraftAsync(Caller(http), apiName, cancellationToken: http.RequestAborted), draft: false, queries, http.RequestAborted);

    private static async Task<IResult> DeleteAsync(string apiName, HttpContext http, ActivityTypeService types, ActivityTypeApiQueries queries)
    {
        // Described first: afterwards there is nothing left to describe.
        var before = await queries.DescribeAsync(apiName, draft: false, http.RequestAborted);
        var result = await types.DeleteAsync(Caller(http), apiName, cancellationToken: http.RequestAborted);
        if (!result.Succeeded)
        {
            return Refused(result);
        }
        return Envelope.Success(before is null ? [] : new[] { before });
    }

    private static Task<IResult> CreateAttributesAsync(string apiName, HttpContext http, ActivityTypeService types, ActivityTypeApiQueries queries) =>
        WithBodyAsync(http, ActivityTypeRequestReader.ReadAttributes, async attributes =>
            await DescribeAsync(await types.AddAttributesAsync(Caller(http), apiName, attributes, http.RequestAborted), draft: true, queries, http.RequestAborted));

    private static Task<IResult> UpdateAttributesAsync(string apiName, HttpContext http, ActivityTypeService types, ActivityTypeApiQueries queries) =>
        WithBodyAsync(http, ActivityTypeRequestReader.ReadAttributes, async attributes =>
            await DescribeAsync(await types.UpdateAttributesAsync(Caller(http), apiName, attributes, http.RequestAborted), draft: true, queries, http.RequestAborted));

    private static Task<IResult> DeleteAttributesAsync(string apiName, HttpContext http, ActivityTypeService types, ActivityTypeApiQueries queries) =>
        WithBodyAsync(http, ActivityTypeRequestReader.ReadAttributes, async attributes =>
            await DescribeAsync(await types.RemoveAttributesAsync(Caller(http), apiName, [.. attributes.Select(a => a.ApiName)], http.RequestAborted),
                draft: true, queries, http.RequestAborted));

    private static Core.Auditing.Actor Caller(HttpContext http) => ApiAuthentication.Caller(http).Actor;

    /// <summary>Reads a JSON body (612, 413, 609 otherwise) into a request and hands it on.</summary>
    private static async Task<IResult> WithBodyAsync<T>(HttpContext http, ReadRequest<T> read, Func<T, Task<IResult>> handle) where T : class
    {
        var (body, refusal) = await RequestBody.ReadJsonAsync(http);
        if (refusal is not null)
        {
            return refusal;
        }
        T? request;
        using (body)
        {
            try
            {
                using var document = JsonDocument.Parse(body!.Memory);
                request = read(document.RootElement, out var error);
                if (request is null)
                {
                    return Envelope.Error(ApiErrors.InvalidJson(error!));
                }
            }
            catch (JsonException e)
            {
                return Envelope.Error(ApiErrors.InvalidJson(e.Message));
            }
        }
        return await handle(request);
    }

    private delegate T? ReadRequest<T>(JsonElement root, out string? error);

    /// <summary>After a change: the type as describe.json shows it (its draft, or its live version); a refusal otherwise.</summary>
    private static async Task<IResult> DescribeAsync(Result<string> result, bool draft, ActivityTypeApiQueries queries,
        CancellationToken cancellationToken)
    {
        if (!result.Succeeded)
        {
            return Refused(result);
        }
        var type = await queries.DescribeAsync(result.Value!, draft, cancellationToken);
        return Envelope.Success(type is null ? [] : new[] { type });
    }

    private static Envelope Refused(Result<string> result) => Envelope.Errors([.. result.Problems.Select(ApiErrors.From)]);
}
