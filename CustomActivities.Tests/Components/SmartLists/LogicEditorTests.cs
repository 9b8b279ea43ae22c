using Bunit;
using CustomActivities.Core.SmartLists;
using CustomActivities.Tests.Support;
using CustomActivities.Web.Components.Pages.SmartLists;

namespace CustomActivities.Tests.Components.SmartLists;

public sealed class LogicEditorTests : AppComponentContext
{
    private IRenderedComponent<LogicEditor> Render(SmartListLogic logic, string? expression, int filters,
        Action<(SmartListLogic, string?)>? changed = null) =>
        Render<LogicEditor>(p => p
            .Add(c => c.Logic, logic)
            .Add(c => c.Expression, expression)
            .Add(c => c.FilterCount, filters)
            .Add(c => c.OnChange, change => changed?.Invoke(change)));

    [Fact]
    public void All_and_any_need_no_expression_box()
    {
        Assert.Empty(Render(SmartListLogic.All, null, 3).FindAll("input[data-testid=logic-expression]"));
        Assert.Empty(Render(SmartListLogic.Any, null, 3).FindAll("input[data-testid=logic-expression]"));
    }

    [Theory]
    [InlineData("1 and", "The logic ends too early: a filter number is missing.")]
    [InlineData("1 and 4", "There is no filter 4 (position 7).")]
    [InlineData("(1 or 2", "The parenthesis at position 1 is not closed.")]
    [InlineData("1 and 2 or 3", "Use parentheses to mix “and” with “or” (position 9).")]
    public void A_bad_expression_shows_core_s_reason_next_to_the_box(string expression, string message)
    {
        var editor = Render(SmartListLogic.Advanced, expression, 3);

        Assert.Contains(message, editor.Find(".mud-input-helper-text.mud-input-error").TextContent);
    }

    [Fact]
    public void A_valid_expression_shows_the_hint_and_no_error()
    {
        var editor = Render(SmartListLogic.Advanced, "1 and (2 or not 3)", 3);

        Assert.Empty(editor.FindAll(".mud-input-error"));
        Assert.Contains("Filter numbers with and, or, not and parentheses.", editor.Markup);
    }

    [Fact]
    public void Typing_reports_each_change_so_the_expression_is_checked_as_typed()
    {
        (SmartListLogic Logic, string? Expression)? changed = null;
        var editor = Render(SmartListLogic.Advanced, "", 2, c => changed = c);

        editor.Find("input[data-testid=logic-expression]").Input("1 or");

        Assert.Equal((SmartListLogic.Advanced, "1 or"), changed);
    }

    [Fact]
    public void The_reason_speaks_french()
    {
        UseCulture("fr");

        var editor = Render(SmartListLogic.Advanced, "1 et 2", 2);

        Assert.Contains("Texte inattendu à la position 3.", editor.Markup);
    }
}
