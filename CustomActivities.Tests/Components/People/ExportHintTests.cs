using Bunit;
using CustomActivities.Web.Components.Pages.People;

namespace CustomActivities.Tests.Components.People;

public sealed class ExportHintTests : PeopleComponentContext
{
    [Theory]
    [InlineData("en", "written the same way in every language (1234.5, 2026-05-01)")]
    [InlineData("fr", "de la même façon dans toutes les langues (1234.5, 2026-05-01)")]
    public void The_export_button_says_the_file_keeps_one_format_in_every_language(string culture, string hint)
    {
        UseCulture(culture);
        var page = RenderWithOverlays(b =>
        {
            b.OpenComponent<ExportButton>(0);
            b.AddAttribute(1, nameof(ExportButton.PersonId), 1);
            b.AddAttribute(2, nameof(ExportButton.Filters), TimelineUrl.Empty);
            b.AddAttribute(3, nameof(ExportButton.Zone), TimeZoneInfo.Utc);
            b.CloseComponent();
        });

        page.Find("[data-testid=export-csv-hint]").PointerEnter();

        page.WaitForAssertion(() => Assert.Contains(hint, page.Find(".mud-tooltip").TextContent, StringComparison.Ordinal));
    }
}
