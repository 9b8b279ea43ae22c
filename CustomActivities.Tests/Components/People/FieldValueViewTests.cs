using Bunit;
using CustomActivities.Core.Activities;
using CustomActivities.Core.ActivityTypes;
using CustomActivities.Web.Components.Pages.People;

namespace CustomActivities.Tests.Components.People;

public sealed class FieldValueViewTests : PeopleComponentContext
{
    private IRenderedComponent<FieldValueView> RenderValue(FieldDataType type, string? value) =>
        Render<FieldValueView>(p => p.Add(c => c.Field, new TimelineField("x", "X", type, false, value)).Add(c => c.Zone, TimeZoneInfo.Utc));

    [Fact]
    public void A_currency_value_shows_with_its_symbol()
    {
        Assert.Equal("$1,059.50", RenderValue(FieldDataType.Currency, "1059.5").Find("span").TextContent);
    }

    [Fact]
    public void In_french_a_currency_value_keeps_its_symbol_and_a_boolean_reads_oui_or_non()
    {
        UseCulture("fr");

        var amount = RenderValue(FieldDataType.Currency, "1059.5").Find("span").TextContent;
        Assert.Matches(@"^1\s059,50\s\$$", amount);
        Assert.Equal("✓ oui", RenderValue(FieldDataType.Boolean, "true").Find("span").TextContent);
        Assert.Equal("✗ non", RenderValue(FieldDataType.Boolean, "0").Find("span").TextContent);
    }

    [Fact]
    public void Line_breaks_in_a_text_value_are_kept()
    {
        var value = RenderValue(FieldDataType.Text, "First line\nSecond line").Find("span");

        Assert.Equal("First line\nSecond line", value.TextContent);
        // The stylesheet shows them (white-space: pre-line on .value).
        Assert.Contains("value", value.ClassName);
    }

    [Fact]
    public void Only_an_http_link_is_clickable_and_a_missing_value_says_it_was_not_recorded()
    {
        Assert.Equal("https://example.com/a", RenderValue(FieldDataType.Link, "https://example.com/a").Find("a").GetAttribute("href"));
        Assert.Empty(RenderValue(FieldDataType.Link, "javascript:alert(1)").FindAll("a"));
        Assert.Equal("Not recorded with this activity", RenderValue(FieldDataType.String, null).Find(".not-recorded").GetAttribute("title"));
    }
}
