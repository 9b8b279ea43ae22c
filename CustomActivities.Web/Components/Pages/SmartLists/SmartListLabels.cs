using CustomActivities.Core.SmartLists;
using CustomActivities.Web.Components.Shared;
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

    /// <summary>The catalog with the standard activities' filter, type and field names in the reader's language (custom names stay as stored).</summary>
    public static SmartListFilterOptions InReadersLanguage(this SmartListFilterOptions options, IStringLocalizer<SharedResource> text) => options with
    {
        Types = [.. options.Types.Select(t => !t.IsStandard ? t : t with
        {
            FilterName = text.FilterName(t.Id, t.FilterName),
            DisplayName = text.TypeName(t.Id, t.DisplayName),
            Fields = [.. t.Fields.Select(f => f with { DisplayName = text.FieldName(t.Id, f.ApiName, f.DisplayName) })],
        })],
    };

    /// <summary>What a filter is about: the type's filter name, the person attribute, or the static list.</summary>
    public static string FilterTitle(this IStringLocalizer<SmartListsText> text, SmartListFilter filter, SmartListFilterOptions options) => filter.Kind switch
    {
        SmartListFilterKind.Activity => options.Type(filter.ActivityTypeId ?? 0)?.FilterName ?? text["Filter.UnknownType"],
        SmartListFilterKind.ListMembership => text["Filter.MemberOfList", options.List(filter.ListId ?? 0)?.Name ?? "?"],
        _ => text.Attribute(filter.ConstraintList.FirstOrDefault()?.Field ?? ""),
    };
}
