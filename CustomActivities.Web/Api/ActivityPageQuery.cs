using System.Globalization;
using CustomActivities.Core.Activities;
using CustomActivities.Core.Lists;

namespace CustomActivities.Web.Api;

/// <summary>The paging parameters activities.json and leadchanges.json share: nextPageToken, leadIds, batchSize and listId.</summary>
internal sealed record ActivityPageQuery(PagingPosition Position, List<int> LeadIds, int BatchSize, int? ListId)
{
    /// <summary>
    /// The parameters, or the answer to give instead. <paramref name="ownParameters"/> checks the endpoint's own
    /// parameters right after the token, so a call with several bad values is refused for the same one as before.
    /// </summary>
    public static (ActivityPageQuery? Query, IResult? Refusal) TryRead(IQueryCollection query, Func<IResult?> ownParameters)
    {
        var token = query["nextPageToken"].FirstOrDefault();
        if (string.IsNullOrEmpty(token))
        {
            return (null, Envelope.Error(ApiErrors.Missing("nextPageToken")));
        }
        if (!PagingPosition.TryParse(token, out var position))
        {
            return (null, Envelope.Error(ApiErrors.Invalid("Invalid nextPageToken")));
        }
        if (ownParameters() is { } ownError)
        {
            return (null, ownError);
        }
        if (ApiQuery.Ints(query["leadIds"].FirstOrDefault(), "leadIds", out var leadIds, ActivityPaging.MaxLeadFilters) is { } leadError)
        {
            return (null, leadError);
        }
        if (ApiQuery.BatchSize(query, ActivityPaging.MaxBatchSize, out var batchSize) is { } batchError)
        {
            return (null, batchError);
        }
        var listId = query["listId"].FirstOrDefault();
        if (string.IsNullOrEmpty(listId))
        {
            return (new ActivityPageQuery(position, leadIds, batchSize, null), null);
        }
        // A listId filter is never ignored: not an integer answers 1001, an unknown list 1013 (see UnknownListAsync).
        return int.TryParse(listId, NumberStyles.None, CultureInfo.InvariantCulture, out var list)
            ? (new ActivityPageQuery(position, leadIds, batchSize, list), null)
            : (null, Envelope.Error(ApiErrors.WrongType(listId, "integer")));
    }

    /// <summary>
    /// Marketo's 1013 when the listId names no list. Asked only of an empty page: deleting a list deletes its members, so
    /// an unknown list always reads as an empty page, and a page with rows needs no second query.
    /// </summary>
    public async Task<IResult?> UnknownListAsync(int rowCount, StaticListService lists, CancellationToken cancellationToken) =>
        ListId is { } listId && rowCount == 0 && !await lists.ExistsAsync(listId, cancellationToken)
            ? ListEndpoints.ListNotFound(listId)
            : null;
}
