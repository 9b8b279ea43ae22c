using System.Globalization;
using CustomActivities.Core.Results;
using CustomActivities.Core.SmartLists;
using CustomActivities.Web;
using CustomActivities.Web.Components.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CustomActivities.Tests.Unit.SmartLists;

/// <summary>A smart list problem is worded with the filter it concerns or the character where the logic goes wrong.</summary>
public sealed class SmartListProblemWordingTests
{
    [Theory]
    [InlineData("en", "Filter 2: its static list no longer exists.", "There is no filter 3 (position 7).")]
    [InlineData("fr", "Filtre 2 : sa liste statique n'existe plus.", "Il n'y a pas de filtre 3 (position 7).")]
    public void The_wording_names_the_filter_and_the_position(string culture, string filter, string expression)
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo(culture);
            using var services = new ServiceCollection().AddLogging().AddLocalization(o => o.ResourcesPath = "Resources").BuildServiceProvider();
            var text = services.GetRequiredService<IStringLocalizer<SharedResource>>();

            Assert.Equal(filter, text.Problem(SmartListProblems.OfFilter(2, SmartListProblems.UnknownList, "its static list no longer exists.")));
            Assert.Equal(expression, text.Problem(LogicExpression.Parse("1 and 3", 2).Problem!));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void The_catalogue_knows_the_smart_list_codes_and_their_kinds()
    {
        Assert.Contains(SmartListProblems.ExpressionUnknownFilter, ProblemCatalog.Codes);
        Assert.Equal(ProblemKind.Invalid, ProblemCatalog.KindOf(SmartListProblems.UnknownActivityType));
        Assert.Equal(ProblemKind.Conflict, ProblemCatalog.KindOf(SmartListProblems.NameTaken));
        Assert.Equal(ProblemKind.NotFound, ProblemCatalog.KindOf(SmartListProblems.NotFound));
    }
}
