using CustomActivities.Core.ActivityTypes;
using CustomActivities.Core.SmartLists;

namespace CustomActivities.Tests.Unit.SmartLists;

public sealed class SmartListImpactTests
{
    private static readonly DateTimeOffset When = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private static SmartListUsage Usage(int id, string name, params string[] fields) =>
        new(new SmartListSummary(id, name, When, "mark@test.local"), fields.ToHashSet());

    private static readonly SmartListUsage[] Usages =
    [
        Usage(1, "Askers", "askedQuestion"),
        Usage(2, "Topic fans", "webinarName", "minutesWatched"),
        Usage(3, "Anyone who attended"),
    ];

    [Fact]
    public void Removing_a_field_breaks_only_the_lists_constraining_it()
    {
        var removed = new DiffEntry("field:askedQuestion", "removed", "Asked question (boolean)", null, ChangeKind.Breaking);

        Assert.Equal(["Askers"], SmartListImpact.BrokenBy(Usages, removed).Select(l => l.Name));
    }

    [Fact]
    public void Swapping_the_primary_field_breaks_the_lists_constraining_the_old_or_the_new_primary()
    {
        var swap = new DiffEntry("type", "primaryField", "webinarName", "askedQuestion", ChangeKind.Breaking);

        Assert.Equal(["Askers", "Topic fans"], SmartListImpact.BrokenBy(Usages, swap).Select(l => l.Name));
    }

    [Fact]
    public void Renames_and_additions_break_nothing_and_each_broken_list_is_named_once()
    {
        DiffEntry[] changes =
        [
            new("field:webinarName", "displayName", "Webinar", "Session", ChangeKind.Revision),
            new("field:rating", "added", null, "Rating (integer)", ChangeKind.Addition),
            new("field:webinarName", "removed", "Webinar (string)", null, ChangeKind.Breaking),
            new("field:minutesWatched", "removed", "Minutes (integer)", null, ChangeKind.Breaking),
        ];

        Assert.Empty(SmartListImpact.BrokenBy(Usages, changes[0]));
        Assert.Empty(SmartListImpact.BrokenBy(Usages, changes[1]));
        Assert.Equal(["Topic fans"], SmartListImpact.BrokenByAny(Usages, changes).Select(l => l.Name));
    }
}
