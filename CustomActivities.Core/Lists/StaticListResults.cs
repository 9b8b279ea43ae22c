using CustomActivities.Core.Activities;
using CustomActivities.Core.People;

namespace CustomActivities.Core.Lists;

/// <summary>Error codes of static list rules; the UI shows a localized message for each, the API its own text.</summary>
public static class StaticListErrors
{
    public const string NameRequired = "Lists.NameRequired";
    public const string NameTooLong = "Lists.NameTooLong";
    public const string NameTaken = "Lists.NameTaken";
    public const string DescriptionTooLong = "Lists.DescriptionTooLong";
    public const string NotFound = "Lists.NotFound";
}

/// <summary>The outcome of creating, renaming or deleting a list: its id, or the rule it broke.</summary>
public sealed record StaticListResult(int? ListId, string? Error)
{
    public bool Succeeded => Error is null;

    public static StaticListResult Failed(string error) => new(null, error);
}

/// <summary>A list as screens and the API show it.</summary>
public sealed record StaticListView(int Id, string Name, string? Description, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string UpdatedBy);

/// <summary>A list with its member count (capped: see <see cref="StaticListService.MemberCountCap"/>).</summary>
public sealed record StaticListSummary(StaticListView List, int MemberCount, bool CountIsCapped);

/// <summary>Marketo's per-lead statuses of the list membership endpoints.</summary>
public static class MembershipStatus
{
    public const string Added = "added";
    public const string Removed = "removed";
    public const string MemberOf = "memberof";
    public const string NotMemberOf = "notmemberof";
    public const string Skipped = "skipped";
}

/// <summary>Marketo's record codes of the list membership endpoints.</summary>
public static class MembershipCodes
{
    public const string LeadNotFound = RecordCodes.LeadNotFound;

    /// <summary>Marketo's "Not in list": removing a lead that is not a member.</summary>
    public const string NotInList = "1015";
}

/// <summary>The status of one lead id of a membership call, in the order the ids were sent.</summary>
public sealed record MembershipResult(int Id, string Status, Reason? Reason = null);

/// <summary>A page of members in person id order; <see cref="NextAfter"/> is the last id when more follow.</summary>
public sealed record MemberPage(IReadOnlyList<Person> Members, int? NextAfter);
