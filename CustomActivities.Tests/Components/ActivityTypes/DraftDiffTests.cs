using Bunit;
using CustomActivities.Core.SmartLists;
using CustomActivities.Tests.Builders;
using CustomActivities.Web.Components.Pages.ActivityTypes;
using static CustomActivities.Tests.Support.Actors;

namespace CustomActivities.Tests.Components.ActivityTypes;

public sealed class DraftDiffTests : ActivityTypeComponentContext
{
    private IRenderedComponent<DraftDiff> RenderDiff(Core.ActivityTypes.ActivityTypeDetail detail) => Render<DraftDiff>(p => p
        .Add(c => c.Live, detail.Live)
        .Add(c => c.Draft, detail.Draft!)
        .Add(c => c.ApiName, detail.ApiName)
        .Add(c => c.TypeId, detail.Id));

    private static string KindOf(IRenderedComponent<DraftDiff> diff, string rowText) =>
        diff.FindAll("[data-testid=diff-row]").Single(r => r.TextContent.Contains(rowText, StringComparison.Ordinal))
            .QuerySelector("[data-testid=diff-kind]")!.TextContent.Trim();

    [Fact]
    public async Task Each_change_is_labelled_addition_revision_or_breaking_with_both_versions_side_by_side()
    {
        var draft = await BreakingDraftAsync(await ApprovedTypeAsync(), Marketer);

        var diff = RenderDiff(draft);

        Assert.Equal("Addition", KindOf(diff, "rating"));
        Assert.Equal("Revision", KindOf(diff, "display name"));
        Assert.Equal("Breaking", KindOf(diff, "askedQuestion"));
        var renamed = diff.FindAll("[data-testid=diff-row]").Single(r => r.TextContent.Contains("display name", StringComparison.Ordinal));
        Assert.Contains("Webinar attended", renamed.QuerySelector(".diff-before")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Webinar joined", renamed.QuerySelector(".diff-after")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_type_is_shown_whole_as_an_addition()
    {
        await Types.CreateAsync(Marketer, Define.ActivityType.Named("Cheque deposited").Build(), Ct);

        var diff = RenderDiff((await Types.GetAsync("chequeDeposited", Ct))!);

        Assert.Contains("Addition", diff.Find("[data-testid=diff-all-new]").TextContent, StringComparison.Ordinal);
        Assert.Contains("chequeDeposited", diff.Find("[data-testid=version-summary]").TextContent, StringComparison.Ordinal);
        Assert.Empty(diff.FindAll("[data-testid=diff-row]"));
    }

    [Fact]
    public async Task Kinds_read_in_french_for_a_french_reader()
    {
        var draft = await BreakingDraftAsync(await ApprovedTypeAsync(), Marketer);
        UseCulture("fr");

        var diff = RenderDiff(draft);

        Assert.Equal("Ajout", KindOf(diff, "rating"));
        Assert.Equal("Cassant", KindOf(diff, "askedQuestion"));
    }

    [Fact]
    public async Task A_removed_field_names_the_saved_smart_lists_whose_constraints_use_it_and_links_to_them()
    {
        var approved = await ApprovedTypeAsync();
        var smartLists = Core.Get<SmartListService>();
        var askers = (await smartLists.SaveAsync(null, "Askers", new SmartListQuery(
            [SmartListFilter.Activity(approved.Id, FieldConstraint.Of("askedQuestion", ConstraintOperator.IsTrue))]), Ct)).Value;
        await smartLists.SaveAsync(null, "Anyone who attended", new SmartListQuery([SmartListFilter.Activity(approved.Id)]), Ct);
        var draft = await BreakingDraftAsync(approved, Marketer);

        var diff = RenderDiff(draft);

        var removed = diff.FindAll("[data-testid=diff-row]").Single(r => r.TextContent.Contains("askedQuestion", StringComparison.Ordinal));
        var link = Assert.Single(removed.QuerySelectorAll("[data-testid=diff-broken-list]"));
        Assert.Equal(("Askers", $"smart-lists/{askers}"), (link.TextContent, link.GetAttribute("href")));
        Assert.Contains("Breaks the smart lists:", removed.QuerySelector("[data-testid=diff-breaks-smart-lists]")!.TextContent, StringComparison.Ordinal);
        Assert.Single(diff.FindAll("[data-testid=diff-breaks-smart-lists]"));
    }
}
