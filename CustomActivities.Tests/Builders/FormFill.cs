using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace CustomActivities.Tests.Builders;

/// <summary>
/// Fills a rendered form as a person does, input by input (by <c>data-testid</c>), then presses its button:
/// <c>await form.Fill().With("create-user-email", "mark@example.com").SubmitAsync("create-user")</c>.
/// </summary>
public sealed class FormFill<TComponent>(IRenderedComponent<TComponent> form) where TComponent : IComponent
{
    private readonly List<(string TestId, string Value)> values = [];

    public FormFill<TComponent> With(string inputTestId, string value)
    {
        values.Add((inputTestId, value));
        return this;
    }

    public async Task SubmitAsync(string buttonTestId)
    {
        foreach (var (testId, value) in values)
        {
            await form.Find($"input[data-testid={testId}]").ChangeAsync(new ChangeEventArgs { Value = value });
        }
        await form.Find($"[data-testid={buttonTestId}]").ClickAsync(new MouseEventArgs());
    }
}

public static class FormFillExtensions
{
    public static FormFill<TComponent> Fill<TComponent>(this IRenderedComponent<TComponent> form) where TComponent : IComponent => new(form);

    /// <summary>What shows around an input (its label, value and message), to check the message next to it.</summary>
    public static string TextAround<TComponent>(this IRenderedComponent<TComponent> form, string inputTestId) where TComponent : IComponent =>
        form.Find($"input[data-testid={inputTestId}]").Closest(".mud-input-control")!.TextContent;

    /// <summary>As prerendering shows a form: no input and not the button accepts anything yet.</summary>
    public static void AssertNothingAcceptsInput<TComponent>(this IRenderedComponent<TComponent> form, string buttonTestId) where TComponent : IComponent
    {
        Assert.All(form.FindAll("input"), input => Assert.True(input.HasAttribute("disabled"), input.OuterHtml));
        Assert.True(form.Find($"[data-testid={buttonTestId}]").HasAttribute("disabled"));
    }
}
