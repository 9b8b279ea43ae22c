using AngleSharp.Dom;
using Bunit;
using CustomActivities.Core.SmartLists;
using CustomActivities.Core.Activities;
using CustomActivities.Core.ActivityTypes;
using CustomActivities.Tests.Builders;
using CustomActivities.Tests.Support;
using CustomActivities.Web.Components.Pages.ActivityTypes;
using Microsoft.AspNetCore.Components;
using static CustomActivities.Tests.Support.Actors;

namespace CustomActivities.Tests.Components.ActivityTypes;

public sealed class TypeActionsTests : ActivityTypeComponentContext
{
    private static readonly string[] EveryAction = ["action-edit", "action-approve", "action-discard", "action-archive", "action-delete", "action-schema"];

    /// <summary>What the page passes: the type and Core's answer for whoever the test acts as.</summary>
    private async Task<ActivityTypePermissions> CanAsync(ActivityTypeDetail detail) =>
        (await Types.GetForAsync(Core.Actor.Current, detail.ApiName, Ct))!.Can;

    private async Task<IRenderedComponent<TypeActions>> RenderActionsAsync(ActivityTypeDetail detail)
    {
        var can = await CanAsync(detail);
        return Render<TypeActions>(p => p.Add(c => c.Detail, detail).Add(c => c.Can, can));
    }

    private static IElement Button(IRenderedComponent<TypeActions> actions, string testId) => actions.Find($"[data-testid={testId}]");

    private static bool Enabled(IRenderedComponent<TypeActions> actions, string testId) => !Button(actions, testId).HasAttribute("disabled");

    private static string Why(IRenderedComponent<TypeActions> actions, string testId) => Button(actions, testId).GetAttribute("title") ?? "";

    [Fact]
    public async Task A_marketer_sees_every_action_in_its_place_and_may_edit_discard_their_draft_and_download_the_schema()
    {
        var draft = await BreakingDraftAsync(await ApprovedTypeAsync(), Marketer);
        Act(Marketer);

        var actions = await RenderActionsAsync(draft);

        actions.WaitForAssertion(() => Assert.True(Enabled(actions, "action-discard")));
        Assert.Equal(EveryAction, actions.FindAll("button[data-testid]").Select(b => b.GetAttribute("data-testid")));
        Assert.True(Enabled(actions, "action-edit"));
        Assert.True(Enabled(actions, "action-schema"));
        Assert.False(Enabled(actions, "action-approve"));
        Assert.Equal("Only an admin can do this.", Why(actions, "action-approve"));
        Assert.False(Enabled(actions, "action-archive"));
        Assert.False(Enabled(actions, "action-delete"));
    }

    [Fact]
    public async Task The_drafts_author_may_discard_it_whatever_the_case_of_their_email()
    {
        var draft = await BreakingDraftAsync(await ApprovedTypeAsync(), Marketer);
        Act(Marketer with { Name = "MARK@Test.Local" });

        var actions = await RenderActionsAsync(draft);

        actions.WaitForAssertion(() => Assert.True(Enabled(actions, "action-discard")));
    }

    [Fact]
    public async Task An_admin_cannot_approve_their_own_draft_and_is_told_why_while_another_admin_can()
    {
        var draft = await BreakingDraftAsync(await ApprovedTypeAsync(), Admin);
        Act(Admin);

        var own = await RenderActionsAsync(draft);

        own.WaitForAssertion(() => Assert.Contains("another admin must approve it", Why(own, "action-approve"), StringComparison.Ordinal));
        Assert.False(Enabled(own, "action-approve"));
        Act(OtherAdmin);
        var other = await RenderActionsAsync(draft);
        other.WaitForAssertion(() => Assert.True(Enabled(other, "action-approve")));
        Assert.True(Enabled(other, "action-archive"));
    }

    [Fact]
    public async Task Approving_a_breaking_draft_first_says_how_many_activities_exist_and_which_fields_break()
    {
        var approved = await ApprovedTypeAsync();
        await using (var context = Core.NewContext())
        {
            var person = A.Person.Build();
            context.People.Add(person);
            await context.SaveChangesAsync(Ct);
            context.Activities.AddRange(Enumerable.Range(0, 3).Select(_ => new Activity { PersonId = person.Id, ActivityTypeId = approved.Id, TypeVersionNumber = 1 }));
            await context.SaveChangesAsync(Ct);
        }
        var draft = await BreakingDraftAsync(approved, Marketer);
        Act(OtherAdmin);
        var page = await RenderWithOverlaysAsync(draft);
        page.WaitForAssertion(() => Assert.Null(page.Find("[data-testid=action-approve]").GetAttribute("disabled")));

        // The click's handler waits for the answer to its question: it completes only once the dialog is answered.
        var approving = page.Find("[data-testid=action-approve]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("has 3 activities recorded", page.Find("[data-testid=confirm-dialog], .mud-dialog").TextContent, StringComparison.Ordinal));
        Assert.Contains("Field askedQuestion: removed", page.Find(".mud-dialog").TextContent, StringComparison.Ordinal);
        Assert.Contains("mud-button-filled", page.Find("[data-testid=confirm-cancel]").ClassList);
        await page.Find("[data-testid=confirm-ok]").ClickAsync(new());
        await approving;
        page.WaitForAssertion(() => Assert.Contains("approved", page.Find(".mud-snackbar").TextContent, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(ActivityTypeStatus.Approved, (await Types.GetAsync(draft.ApiName, Ct))!.Status);
    }

    [Fact]
    public async Task Cancelling_the_breaking_change_question_approves_nothing()
    {
        var draft = await BreakingDraftAsync(await ApprovedTypeAsync(), Marketer);
        Act(OtherAdmin);
        var page = await RenderWithOverlaysAsync(draft);
        page.WaitForAssertion(() => Assert.Null(page.Find("[data-testid=action-approve]").GetAttribute("disabled")));

        var approving = page.Find("[data-testid=action-approve]").ClickAsync(new());
        page.WaitForAssertion(() => page.Find("[data-testid=confirm-cancel]"));
        await page.Find("[data-testid=confirm-cancel]").ClickAsync(new());
        await approving;

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=confirm-cancel]")));
        Assert.Equal(ActivityTypeStatus.ApprovedWithDraft, (await Types.GetAsync(draft.ApiName, Ct))!.Status);
    }

    [Fact]
    public async Task An_archived_type_offers_restore_in_the_place_of_archive_and_nothing_else_but_the_schema()
    {
        var approved = await ApprovedTypeAsync();
        await Types.ArchiveAsync(Admin, approved.ApiName, cancellationToken: Ct);
        Act(OtherAdmin);

        var actions = await RenderActionsAsync((await Types.GetAsync(approved.ApiName, Ct))!);

        actions.WaitForAssertion(() => Assert.True(Enabled(actions, "action-restore")));
        Assert.Empty(actions.FindAll("[data-testid=action-archive]"));
        Assert.False(Enabled(actions, "action-edit"));
        Assert.Equal("This type is archived. Restore it first.", Why(actions, "action-edit"));
        Assert.True(Enabled(actions, "action-schema"));
    }

    [Fact]
    public async Task Every_action_is_disabled_while_the_page_is_prerendered()
    {
        var approved = await ApprovedTypeAsync();
        Act(OtherAdmin);
        RenderStatically();

        var actions = await RenderActionsAsync(approved);

        Assert.All(actions.FindAll("button[data-testid]"), b => Assert.True(b.HasAttribute("disabled")));
    }

    [Fact]
    public async Task Reasons_read_in_french_for_a_french_reader()
    {
        var draft = await BreakingDraftAsync(await ApprovedTypeAsync(), Marketer);
        Act(Marketer);
        UseCulture("fr");

        var actions = await RenderActionsAsync(draft);

        actions.WaitForAssertion(() => Assert.Equal("Seul un administrateur peut le faire.", Why(actions, "action-approve")));
    }

    private async Task<IRenderedComponent<WithOverlays>> RenderWithOverlaysAsync(ActivityTypeDetail detail)
    {
        var can = await CanAsync(detail);
        return RenderWithOverlays(b =>
        {
            b.OpenComponent<TypeActions>(0);
            b.AddAttribute(1, nameof(TypeActions.Detail), detail);
            b.AddAttribute(2, nameof(TypeActions.Can), can);
            b.CloseComponent();
        });
    }

    private async Task SaveSmartListAsync(string name, params SmartListFilter[] filters) =>
        Assert.True((await Core.Get<SmartListService>().SaveAsync(null, name, new SmartListQuery(filters), Ct)).Succeeded);

    [Fact]
    public async Task Approving_a_breaking_draft_also_names_the_saved_smart_lists_it_breaks()
    {
        var approved = await ApprovedTypeAsync();
        await SaveSmartListAsync("Askers", SmartListFilter.Activity(approved.Id, FieldConstraint.Of("askedQuestion", ConstraintOperator.IsTrue)));
        await SaveSmartListAsync("Watchers", SmartListFilter.Activity(approved.Id, FieldConstraint.Of("minutesWatched", ConstraintOperator.Greater, "5")));
        var draft = await BreakingDraftAsync(approved, Marketer);
        Act(OtherAdmin);
        var page = await RenderWithOverlaysAsync(draft);
        page.WaitForAssertion(() => Assert.Null(page.Find("[data-testid=action-approve]").GetAttribute("disabled")));

        var approving = page.Find("[data-testid=action-approve]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("It also breaks these smart lists: “Askers”.", page.Find(".mud-dialog").TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain("Watchers", page.Find(".mud-dialog").TextContent, StringComparison.Ordinal);
        await page.Find("[data-testid=confirm-cancel]").ClickAsync(new());
        await approving;
    }

    [Fact]
    public async Task Archiving_names_the_saved_smart_lists_that_filter_on_the_type()
    {
        var approved = await ApprovedTypeAsync();
        await SaveSmartListAsync("Attendees", SmartListFilter.Activity(approved.Id));
        Act(OtherAdmin);
        var page = await RenderWithOverlaysAsync(approved);
        page.WaitForAssertion(() => Assert.Null(page.Find("[data-testid=action-archive]").GetAttribute("disabled")));

        var archiving = page.Find("[data-testid=action-archive]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("These smart lists filter on it and stop gaining members through it: “Attendees”.",
            page.Find(".mud-dialog").TextContent, StringComparison.Ordinal));
        await page.Find("[data-testid=confirm-ok]").ClickAsync(new());
        await archiving;
        Assert.Equal(ActivityTypeStatus.Archived, (await Types.GetAsync(approved.ApiName, Ct))!.Status);
    }
}
