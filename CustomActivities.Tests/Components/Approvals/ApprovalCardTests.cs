using Bunit;
using CustomActivities.Core.ActivityTypes;
using CustomActivities.Tests.Builders;
using CustomActivities.Tests.Components.ActivityTypes;
using CustomActivities.Web.Components.Pages.Approvals;
using static CustomActivities.Tests.Support.Actors;

namespace CustomActivities.Tests.Components.Approvals;

public sealed class ApprovalCardTests : ActivityTypeComponentContext
{
    private readonly List<(ActivityTypeDetail Item, bool Approve)> decisions = [];

    private async Task<IRenderedComponent<ApprovalCard>> RenderCardAsync(ActivityTypeDetail item, Core.Auditing.Actor me)
    {
        var pending = (await Types.PendingApprovalsAsync(me, Ct)).Single(p => p.Type.ApiName == item.ApiName);
        return Render<ApprovalCard>(p => p
            .Add(c => c.Item, pending.Type)
            .Add(c => c.Can, pending.Can)
            .Add(c => c.Decide, ((ActivityTypeDetail, bool) d) => decisions.Add(d)));
    }

    [Fact]
    public async Task Another_admin_sees_the_renamed_draft_under_todays_name_with_its_diff_and_may_approve_or_discard()
    {
        var draft = await BreakingDraftAsync(await ApprovedTypeAsync(), Marketer);

        var card = await RenderCardAsync(draft, OtherAdmin);

        Assert.Contains("Webinar attended (v2: Webinar joined)", card.Find("[data-testid=approval-webinarAttended]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Breaking", card.Find("[data-testid=draft-diff]").TextContent, StringComparison.Ordinal);
        Assert.Empty(card.FindAll("[data-testid=own-draft]"));
        await card.Find("[data-testid=discard]").ClickAsync(new());
        await card.Find("[data-testid=approve]").ClickAsync(new());
        Assert.Equal([false, true], decisions.Select(d => d.Approve));
    }

    [Fact]
    public async Task The_admin_who_last_edited_the_draft_cannot_approve_it_and_is_told_why()
    {
        var draft = await BreakingDraftAsync(await ApprovedTypeAsync(), Admin);

        var card = await RenderCardAsync(draft, Admin with { Name = "Admin@Test.Local" });

        Assert.True(card.Find("[data-testid=approve]").HasAttribute("disabled"));
        Assert.Contains("another admin must approve it", card.Find("[data-testid=own-draft]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_type_is_shown_whole_and_cannot_be_discarded_only_approved()
    {
        await Types.CreateAsync(Marketer, Define.ActivityType.Named("Cheque deposited").Build(), Ct);

        var card = await RenderCardAsync((await Types.GetAsync("chequeDeposited", Ct))!, Admin);

        Assert.Contains("Cheque deposited", card.Find("[data-testid=approval-chequeDeposited]").TextContent, StringComparison.Ordinal);
        Assert.Single(card.FindAll("[data-testid=diff-all-new]"));
        Assert.Empty(card.FindAll("[data-testid=discard]"));
        Assert.False(card.Find("[data-testid=approve]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Decisions_are_disabled_while_the_page_is_prerendered()
    {
        var draft = await BreakingDraftAsync(await ApprovedTypeAsync(), Marketer);
        RenderStatically();

        var card = await RenderCardAsync(draft, OtherAdmin);

        Assert.True(card.Find("[data-testid=approve]").HasAttribute("disabled"));
        Assert.True(card.Find("[data-testid=discard]").HasAttribute("disabled"));
    }
}
