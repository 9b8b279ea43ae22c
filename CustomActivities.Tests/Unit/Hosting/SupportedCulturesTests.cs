using CustomActivities.Web;

namespace CustomActivities.Tests.Unit.Hosting;

public sealed class SupportedCulturesTests
{
    [Theory]
    [InlineData("en", "en")]
    [InlineData("en-GB", "en")]
    [InlineData("de", "de")]
    [InlineData("de-CH", "de")]
    [InlineData("es-MX", "es")]
    [InlineData("nl-BE", "nl")]
    [InlineData("fr-CA", "fr")]
    [InlineData("pt-BR", "pt-BR")]
    [InlineData("pt", "pt-BR")]
    [InlineData("pt-PT", "pt-BR")]
    [InlineData("PT-br", "pt-BR")]
    [InlineData("ja", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void A_requested_culture_matches_itself_its_parent_or_its_language(string? requested, string? expected) =>
        Assert.Equal(expected, SupportedCultures.Match(requested));

    [Fact]
    public void Each_language_is_named_in_itself()
    {
        Assert.Equal(
            ["English", "Deutsch", "Nederlands", "Português (Brasil)", "Español", "Français"],
            SupportedCultures.All.Select(c => c.NativeName));
        Assert.All(SupportedCultures.CultureInfos, c => Assert.False(c.Equals(System.Globalization.CultureInfo.InvariantCulture)));
    }
}
