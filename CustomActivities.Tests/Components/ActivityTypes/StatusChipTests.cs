using Bunit;
using CustomActivities.Core.ActivityTypes;
using CustomActivities.Tests.Support;
using CustomActivities.Web.Components.Pages.ActivityTypes;

namespace CustomActivities.Tests.Components.ActivityTypes;

public sealed class StatusChipTests : AppComponentContext
{
    private string Chip(ActivityTypeStatus status) =>
        Render<StatusChip>(p => p.Add(c => c.Status, status)).Find("[data-testid=status-chip]").TextContent.Trim();

    [Theory]
    [InlineData(ActivityTypeStatus.Draft, "Draft")]
    [InlineData(ActivityTypeStatus.Approved, "Approved")]
    [InlineData(ActivityTypeStatus.ApprovedWithDraft, "Approved with draft")]
    [InlineData(ActivityTypeStatus.Archived, "Archived")]
    public void Each_status_has_its_own_label(ActivityTypeStatus status, string label) => Assert.Equal(label, Chip(status));

    [Theory]
    [InlineData(ActivityTypeStatus.Draft, "Brouillon")]
    [InlineData(ActivityTypeStatus.ApprovedWithDraft, "Approuvé avec brouillon")]
    public void Labels_follow_the_ui_culture(ActivityTypeStatus status, string label)
    {
        UseCulture("fr");

        Assert.Equal(label, Chip(status));
    }

    [Fact]
    public void Each_status_has_its_own_colour_and_the_chip_never_shrinks()
    {
        var colours = Enum.GetValues<ActivityTypeStatus>()
            .Select(s => Render<StatusChip>(p => p.Add(c => c.Status, s)).Find("[data-testid=status-chip]"))
            .ToList();

        Assert.All(colours, chip => Assert.Contains("status-chip", chip.ClassList));
        Assert.Equal(colours.Count, colours.Select(c => string.Join(' ', c.ClassList.Where(k => k.StartsWith("mud-chip-color-", StringComparison.Ordinal) || k.Contains("-text-", StringComparison.Ordinal)))).Distinct().Count());
    }
}
