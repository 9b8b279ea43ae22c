using System.Globalization;
using CustomActivities.Core.SmartLists;
using Microsoft.Extensions.Localization;

namespace CustomActivities.Web.Components.Pages.SmartLists;

/// <summary>How filters, operators and problems read in the marketer's language.</summary>
public static class SmartListLabels
{
    public static string Operator(this IStringLocalizer<SmartListsText> text, ConstraintOperator op) => text["Operator." + op];

    public static string Attribute(this IStringLocalizer<SmartListsText> text, string attribute) => text["Attribute." + attribute];

    public static string Window(this IStringLocalizer<SmartListsText> text, WindowKind kind) => text["Window." + kind];

    public static string Unit(this IStringLocalizer<SmartListsText> text, WindowUnit unit) => text["Window.Unit." + unit];

    public static string Times(this IStringLocalizer<SmartListsText> text, TimesComparison comparison) => text["Times." + comparison];

    /// <summary>A saved list rule's message (<see cref="SmartListErrors"/>).</summary>
    public static string Error(this IStringLocalizer<SmartListsText> text, string? error) => text["Error." + error];

    /// <summary>A problem's message: its code's resource with the filter number and the 1-based position, else the English message.</summary>
    public static string Problem(this IStringLocalizer<SmartListsText> text, SmartListProblem problem)
    {
        var localized = text["Problem." + problem.Code, problem.FilterNumber?.ToString(CultureInfo.CurrentCulture) ?? "",
            ((problem.Position ?? 0) + 1).ToString(CultureInfo.CurrentCulture)];
        return localized.ResourceNotFound ? problem.Message : localized.Value;
    }

    /// <summary>What a filter is about: the type's filter name, the person attribute, or the static list.</summary>
    public static string FilterTitle(this IStringLocalizer<SmartListsText> text, SmartListFilter filter, SmartListFilterOptions options) => filter.Kind switch
    {
        SmartListFilterKind.Activity => options.Type(filter.ActivityTypeId ?? 0)?.FilterName ?? text["Filter.UnknownType"],
        SmartListFilterKind.ListMembership => text["Filter.MemberOfList", options.List(filter.ListId ?? 0)?.Name ?? "?"],
        _ => text.Attribute(filter.ConstraintList.FirstOrDefault()?.Field ?? ""),
    };
}
