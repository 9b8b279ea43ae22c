namespace CustomActivities.Core.Lists;

/// <summary>A person on a static list, once at most.</summary>
public class StaticListMember
{
    public int ListId { get; set; }
    public int PersonId { get; set; }
    public DateTimeOffset AddedAt { get; set; }
}
