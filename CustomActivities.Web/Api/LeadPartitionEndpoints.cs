using CustomActivities.Core.ApiClients;

namespace CustomActivities.Web.Api;

/// <summary>
/// Lead partitions. This product has one lead database, so it answers as a Marketo instance without partitions does: the
/// one default partition every lead belongs to. Clients that look a partition up before syncing leads (partitionName) find it.
/// </summary>
public static class LeadPartitionEndpoints
{
    public static readonly LeadPartition Default = new(1, "Default", "Initial system lead partition");

    public static void Map(RouteGroupBuilder rest) =>
        rest.MapGet("/leads/partitions.json", () => Envelope.Success([Default]))
            .Requires(ApiAccess.Read)
            .WithSummary("Get lead partitions")
            .WithDescription("The one default partition {id: 1, name: \"Default\", description: \"Initial system lead partition\"}, as a Marketo instance without partitions answers.");
}

public sealed record LeadPartition(int Id, string Name, string Description);
