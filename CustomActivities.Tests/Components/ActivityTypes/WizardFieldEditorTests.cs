using Bunit;
using CustomActivities.Core.ActivityTypes;
using CustomActivities.Tests.Support;
using CustomActivities.Web.Components.Pages.ActivityTypes;
using MudBlazor;
using CustomActivities.Core.Results;

namespace CustomActivities.Tests.Components.ActivityTypes;

public sealed class WizardFieldEditorTests : AppComponentContext
{
    private readonly List<string> changed = [];

    private IRenderedComponent<WizardFieldEditor> RenderEditor(FieldModel field, params Problem[] errors) =>
        Render<WizardFieldEditor>(p => p
            .Add(c => c.Field, field)
            .Add(c => c.Path, "fields[0]")
            .Add(c => c.Errors, errors)
            .Add(c => c.Changed, (string path) => changed.Add(path)));

    [Fact]
    public void Cores_message_for_an_input_shows_under_that_input_only()
    {
        var field = new FieldModel { DisplayName = "Amount", ApiName = "amount" };

        var editor = RenderEditor(field, new Problem("fields[0].apiName", ActivityTypeErrorCodes.DuplicateFieldApiName,
            "Another field of this type already has the API name \"amount\".") { Arguments = ["amount"] });

        Assert.Contains("already has the API name \"amount\"", editor.Find("[id='error-fields[0].apiName']").TextContent, StringComparison.Ordinal);
        Assert.Empty(editor.FindAll("[id='error-fields[0].displayName']"));
    }

    [Fact]
    public void The_display_name_suggests_the_api_name_and_reports_which_input_changed()
    {
        var field = new FieldModel();
        var editor = RenderEditor(field);

        editor.Find("input[name='fields[0].displayName']").Input("Minutes watched");
        editor.Find("input[name='fields[0].displayName']").Blur();

        editor.WaitForAssertion(() => Assert.Equal("minutesWatched", field.ApiName));
        Assert.Equal(["fields[0].displayName"], changed);
    }

    [Fact]
    public void An_approved_field_keeps_its_api_name_and_data_type_and_says_so()
    {
        var editor = RenderEditor(new FieldModel { DisplayName = "Amount", ApiName = "amount", Approved = true });

        Assert.True(editor.Find("input[name='fields[0].apiName']").HasAttribute("disabled"));
        Assert.True(editor.FindComponent<MudSelect<FieldDataType>>().Instance.Disabled);
        Assert.Contains("API name and data type are fixed", editor.Markup, StringComparison.Ordinal);
        Assert.False(editor.Find("input[name='fields[0].displayName']").HasAttribute("disabled"));
    }
}
