using System.Text.Json;
using Bunit;
using CustomActivities.Web.Components.Pages.ActivityTypes;
using static CustomActivities.Tests.Support.Actors;

namespace CustomActivities.Tests.Components.ActivityTypes;

public sealed class ActivityTypeWizardPageTests : ActivityTypeComponentContext
{
    /// <summary>How long a check may wait for Core's answer on a shared, busy machine (a bound, not a speed goal).</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private IRenderedComponent<ActivityTypeWizardPage> RenderWizard()
    {
        Act(Marketer);
        return Render<ActivityTypeWizardPage>();
    }

    /// <summary>Types into an input and leaves it, which commits the value without waiting for the typing pause.</summary>
    private static void Type(IRenderedComponent<ActivityTypeWizardPage> wizard, string name, string value)
    {
        wizard.Find($"input[name='{name}']").Input(value);
        wizard.Find($"input[name='{name}']").Blur();
    }

    private static string ErrorUnder(IRenderedComponent<ActivityTypeWizardPage> wizard, string path) =>
        wizard.Find($"[id='error-{path}']").TextContent.Trim();

    private static Task NextAsync(IRenderedComponent<ActivityTypeWizardPage> wizard) => ClickAsync(wizard, "[data-testid=wizard-next]");

    /// <summary>
    /// Clicks a button found afresh: a typing pause ending (the inputs' debounce) re-renders the page, which can replace
    /// the handler of a button found just before.
    /// </summary>
    private static async Task ClickAsync(IRenderedComponent<ActivityTypeWizardPage> wizard, string selector)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await wizard.Find(selector).ClickAsync(new());
                return;
            }
            catch (Bunit.Rendering.UnknownEventHandlerIdException) when (attempt < 5)
            {
            }
        }
    }

    [Fact]
    public void Every_input_is_disabled_while_the_page_is_prerendered()
    {
        RenderStatically();

        var wizard = RenderWizard();

        var inputs = wizard.FindAll("input, textarea");
        Assert.NotEmpty(inputs);
        Assert.All(inputs, i => Assert.True(i.HasAttribute("disabled"), i.GetAttribute("name")));
    }

    [Fact]
    public void A_bad_display_name_gets_cores_message_next_to_it_and_a_good_one_suggests_the_other_names()
    {
        var wizard = RenderWizard();

        Type(wizard, "displayName", "2026");
        wizard.WaitForAssertion(() => Assert.Contains("at least one letter", ErrorUnder(wizard, "displayName"), StringComparison.Ordinal), Patience);
        Type(wizard, "displayName", "Webinar attended");

        wizard.WaitForAssertion(() => Assert.Empty(wizard.FindAll("[id='error-displayName']")), Patience);
        Assert.Equal("webinarAttended", wizard.Find("input[name=apiName]").GetAttribute("value"));
        Assert.Equal("Attends Webinar", wizard.Find("input[name=triggerName]").GetAttribute("value"));
        Assert.Equal("Attended Webinar", wizard.Find("input[name=filterName]").GetAttribute("value"));
    }

    [Fact]
    public async Task Names_already_taken_by_another_type_are_reported_as_the_person_types()
    {
        await ApprovedTypeAsync();
        var wizard = RenderWizard();

        Type(wizard, "displayName", "Webinar attended");

        wizard.WaitForAssertion(() => Assert.Contains("already has the API name", ErrorUnder(wizard, "apiName"), StringComparison.Ordinal), Patience);
        Assert.Contains("already uses the trigger name", ErrorUnder(wizard, "triggerName"), StringComparison.Ordinal);
        Assert.Contains("already uses the filter name", ErrorUnder(wizard, "filterName"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Next_with_an_empty_step_shows_what_is_missing_and_stays()
    {
        var wizard = RenderWizard();

        await NextAsync(wizard);

        wizard.WaitForAssertion(() => Assert.Contains("This field is required.", ErrorUnder(wizard, "displayName"), StringComparison.Ordinal), Patience);
        Assert.Single(wizard.FindAll("[data-testid=wizard-basics]"));
    }

    [Fact]
    public async Task Back_keeps_what_was_typed_on_every_step()
    {
        var wizard = RenderWizard();
        Type(wizard, "displayName", "Cheque deposited");
        // The suggested API name shows once the wizard holds the typed name (on a loaded machine the blur lands later).
        wizard.WaitForAssertion(() => Assert.Equal("chequeDeposited", wizard.Find("input[name=apiName]").GetAttribute("value")), Patience);
        await NextAsync(wizard);
        wizard.WaitForAssertion(() => wizard.Find("input[name='primaryField.displayName']"), Patience);
        Type(wizard, "primaryField.displayName", "Amount");
        wizard.WaitForAssertion(() => Assert.Equal("amount", wizard.Find("input[name='primaryField.apiName']").GetAttribute("value")), Patience);

        await ClickAsync(wizard, "[data-testid=wizard-back]");
        wizard.WaitForAssertion(() => Assert.Equal("Cheque deposited", wizard.Find("input[name=displayName]").GetAttribute("value")), Patience);
        await NextAsync(wizard);

        wizard.WaitForAssertion(() => Assert.Equal("Amount", wizard.Find("input[name='primaryField.displayName']").GetAttribute("value")), Patience);
        Assert.Equal("amount", wizard.Find("input[name='primaryField.apiName']").GetAttribute("value"));
    }

    [Fact]
    public void Each_change_is_kept_in_the_browser_under_the_persons_own_key()
    {
        var wizard = RenderWizard();

        Type(wizard, "displayName", "Cheque deposited");

        wizard.WaitForAssertion(() => Assert.Contains(JSInterop.Invocations, i => i.Identifier == "localStorage.setItem"), Patience);
        var saved = JSInterop.Invocations.Last(i => i.Identifier == "localStorage.setItem");
        Assert.Equal($"customActivities.wizard.{Marketer.Id}.new", saved.Arguments[0]);
        Assert.Contains("Cheque deposited", (string)saved.Arguments[1]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Work_left_before_a_refresh_is_offered_back_and_resuming_returns_to_its_step()
    {
        var model = new WizardModel();
        model.SetDisplayName("Cheque deposited");
        model.Primary.SetDisplayName("Amount");
        var saved = new WizardSavedState(2, model, null, Core.Clock.GetUtcNow());
        JSInterop.Setup<string?>("localStorage.getItem", i => (string)i.Arguments[0]! == $"customActivities.wizard.{Marketer.Id}.new")
            .SetResult(JsonSerializer.Serialize(saved));
        var wizard = RenderWizard();

        wizard.WaitForAssertion(() => Assert.Contains("Cheque deposited", wizard.Find("[data-testid=wizard-resume-offer]").TextContent, StringComparison.Ordinal), Patience);
        await ClickAsync(wizard, "[data-testid=wizard-resume]");

        wizard.WaitForAssertion(() => Assert.Single(wizard.FindAll("[data-testid=wizard-fields]")), Patience);
        Assert.Empty(wizard.FindAll("[data-testid=wizard-resume-offer]"));
        await ClickAsync(wizard, "[data-testid=wizard-back]");
        wizard.WaitForAssertion(() => Assert.Equal("Amount", wizard.Find("input[name='primaryField.displayName']").GetAttribute("value")), Patience);
    }

    [Fact]
    public async Task Starting_over_forgets_the_work_left_behind()
    {
        var saved = new WizardSavedState(1, new WizardModel { DisplayName = "Cheque deposited" }, null, Core.Clock.GetUtcNow());
        JSInterop.Setup<string?>("localStorage.getItem", _ => true).SetResult(JsonSerializer.Serialize(saved));
        var wizard = RenderWizard();
        wizard.WaitForAssertion(() => wizard.Find("[data-testid=wizard-start-over]"), Patience);

        await ClickAsync(wizard, "[data-testid=wizard-start-over]");

        wizard.WaitForAssertion(() => Assert.Empty(wizard.FindAll("[data-testid=wizard-resume-offer]")), Patience);
        Assert.Contains(JSInterop.Invocations, i => i.Identifier == "localStorage.removeItem");
        Assert.Equal("", wizard.Find("input[name=displayName]").GetAttribute("value") ?? "");
    }

    [Fact]
    public void Work_stored_in_a_shape_the_wizard_no_longer_reads_is_ignored()
    {
        JSInterop.Setup<string?>("localStorage.getItem", _ => true).SetResult("{not json");

        var wizard = RenderWizard();

        wizard.WaitForAssertion(() => Assert.Single(wizard.FindAll("[data-testid=wizard-basics]")), Patience);
        Assert.Empty(wizard.FindAll("[data-testid=wizard-resume-offer]"));
    }
}
