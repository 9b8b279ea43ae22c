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
    public static async Task<(ActivityPageQuery? Query, IResult? Refusal)> TryReadAsync(IQueryCollection query, StaticListService lists,
        Func<IResult?> ownParameters, CancellationToken cancellationToken)
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
        var (listError, listId) = await ActivityEndpoints.ListFilterAsync(query["listId"].FirstOrDefault(), lists, cancellationToken);
        return listError is not null ? (null, listError) : (new ActivityPageQuery(position, leadIds, batchSize, listId), null);
    }
}
