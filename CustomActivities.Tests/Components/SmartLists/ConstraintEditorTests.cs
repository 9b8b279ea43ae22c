using Bunit;
using CustomActivities.Core.ActivityTypes;
using CustomActivities.Core.SmartLists;
using CustomActivities.Tests.Support;
using CustomActivities.Web.Components.Pages.SmartLists;

namespace CustomActivities.Tests.Components.SmartLists;

public sealed class ConstraintEditorTests : AppComponentContext
{
    private static FilterableField Field(FieldDataType type) => new("f", "Field", type, false);

    private IRenderedComponent<ConstraintEditor> Render(FieldConstraint constraint, FieldDataType type, Action<FieldConstraint>? changed = null) =>
        Render<ConstraintEditor>(p => p
            .Add(c => c.Constraint, constraint)
            .Add(c => c.Field, Field(type))
            .Add(c => c.OnChange, c => changed?.Invoke(c)));

    [Fact]
    public void A_text_field_takes_several_values_separated_by_commas()
    {
        FieldConstraint? changed = null;
        var editor = Render(FieldConstraint.Of("f", ConstraintOperator.Contains), FieldDataType.String, c => changed = c);

        editor.Find("input[data-testid=constraint-text]").Input("rust,  go ,");

        editor.WaitForAssertion(() => Assert.Equal(["rust", "go"], changed!.Values));
        Assert.Equal(ConstraintOperator.Contains, changed!.Operator);
    }

    [Fact]
    public void A_number_range_has_two_inputs_and_core_says_when_it_is_reversed()
    {
        var editor = Render(FieldConstraint.Of("f", ConstraintOperator.Between, "9", "1"), FieldDataType.Currency);

        Assert.Equal(2, editor.FindAll("input[data-testid^=constraint-number-]").Count);
        Assert.Contains("The first value must not be above the second.", editor.Markup);
    }

    [Fact]
    public void A_number_typed_is_stored_in_invariant_form()
    {
        FieldConstraint? changed = null;
        var editor = Render(FieldConstraint.Of("f", ConstraintOperator.GreaterOrEqual), FieldDataType.Float, c => changed = c);

        editor.Find("input[data-testid=constraint-number-0]").Input("2.5");

        editor.WaitForAssertion(() => Assert.Equal(["2.5"], changed!.Values));
    }

    [Fact]
    public void A_boolean_field_needs_no_value_input()
    {
        var editor = Render(FieldConstraint.Of("f", ConstraintOperator.IsTrue), FieldDataType.Boolean);

        Assert.Empty(editor.FindAll("input[data-testid^=constraint-]"));
        Assert.Contains("is true", editor.Markup);
    }

    [Fact]
    public void A_date_field_offers_a_date_picker_or_a_number_of_days()
    {
        var on = Render(FieldConstraint.Of("f", ConstraintOperator.On, "2026-03-01"), FieldDataType.Date);
        var past = Render(FieldConstraint.Of("f", ConstraintOperator.InPastDays, "0"), FieldDataType.DateTime);

        Assert.Contains(on.FindAll("input"), input => input.GetAttribute("value") == "2026-03-01");
        Assert.NotNull(past.Find("input[data-testid=constraint-days]"));
        Assert.Contains("The number of days must be a whole number from 1.", past.Markup);
    }

    [Fact]
    public void Operators_and_messages_speak_french()
    {
        UseCulture("fr");

        var editor = Render(FieldConstraint.Of("f", ConstraintOperator.Equal, "dix"), FieldDataType.Integer);

        Assert.Contains("Saisissez un nombre.", editor.Markup);
        Assert.Contains("Opérateur", editor.Markup);
    }

    [Fact]
    public void Inputs_refuse_typing_before_the_page_is_interactive()
    {
        RenderStatically();

        var editor = Render(FieldConstraint.Of("f", ConstraintOperator.Is, "x"), FieldDataType.String);

        Assert.True(editor.Find("input[data-testid=constraint-text]").HasAttribute("disabled"));
    }
}
