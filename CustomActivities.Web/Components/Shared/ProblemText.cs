using System.Globalization;
using CustomActivities.Core.Results;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace CustomActivities.Web.Components.Shared;

/// <summary>
/// The one place that words Core's refusals for people: the resource "Problem.{code}" in the reader's language, filled
/// with the problem's arguments (a maximum length, a name). Every code has one (a unit test enumerates them).
/// </summary>
public static class ProblemText
{
    public static string Problem(this IStringLocalizer<SharedResource> text, Problem problem) =>
        Worded(text, problem.Code, [.. problem.Arguments]) ?? problem.Message;

    /// <summary>A problem known by its code only (e.g. why the Users page refuses an action before it is tried).</summary>
    public static string ProblemCode(this IStringLocalizer<SharedResource> text, string code, params object[] arguments) =>
        Worded(text, code, arguments) ?? code;

    private static string? Worded(IStringLocalizer<SharedResource> text, string code, object[] arguments)
    {
        var template = text["Problem." + code];
        if (template.ResourceNotFound)
        {
            return null;
        }
        try
        {
            return string.Format(CultureInfo.CurrentCulture, template.Value, arguments);
        }
        catch (FormatException)
        {
            // A problem without the arguments its wording needs must not break the page: the caller falls back.
            return null;
        }
    }

    /// <summary>Every problem of a failed result, in one sentence after another.</summary>
    public static string Problems(this IStringLocalizer<SharedResource> text, Result result) =>
        string.Join(" ", result.Problems.Select(text.Problem));

    /// <summary>The message for one input (the problem's <see cref="Problem.Field"/>); null when that input is fine.</summary>
    public static string? ProblemAt(this IStringLocalizer<SharedResource> text, IReadOnlyList<Problem> problems, string field) =>
        problems.FirstOrDefault(p => p.Field == field) is { } problem ? text.Problem(problem) : null;

    /// <summary>Tells the outcome of a change: <paramref name="success"/> in green, or the refusal in red (kept longer, to be read).</summary>
    public static void Report(this ISnackbar snackbar, IStringLocalizer<SharedResource> text, Result result, string success)
    {
        if (result.Succeeded)
        {
            snackbar.Add(success, Severity.Success);
        }
        else
        {
            snackbar.Add(text.Problems(result), Severity.Error, options => options.VisibleStateDuration = 10_000);
        }
    }
}
