using CustomActivities.Core.Activities;
using CustomActivities.Core.People;
using CustomActivities.Core.Results;

namespace CustomActivities.Core.Lists;

/// <summary>Why a static list change was refused (worded by the UI from "Problem.{code}"; the Lists API answers 1013 for an unknown list).</summary>
[ProblemCodes]
public static class StaticListErrors
{
    public const string Required = CommonProblems.Required;
    public const string TooLong = CommonProblems.TooLong;
    [ProblemKind(ProblemKind.Conflict)]
    public const string NameTaken = "listNameTaken";
    [ProblemKind(ProblemKind.NotFound)]
    public const string NotFound = "listNotFound";

    public static Problem NameTakenBy(string name) => new("name", NameTaken, $"Another list is already named '{name}'.") { Arguments = [name] };

    public static Problem NotFoundFor(int id) => new("", NotFound, $"Static list {id} not found.");
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
