using System.Globalization;
using CustomActivities.Web;
using CustomActivities.Web.Components.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CustomActivities.Tests.Unit.Components;

public sealed class RelativeTimeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("en", 10, "just now")]
    [InlineData("en", 60, "a minute ago")]
    [InlineData("en", 3 * 3600, "3 hours ago")]
    [InlineData("en", 30 * 3600, "yesterday")]
    [InlineData("en", 28 * 86400, "a month ago")]
    [InlineData("en", 90 * 86400, "3 months ago")]
    [InlineData("en", 800 * 86400, "2 years ago")]
    [InlineData("en", -2 * 86400, "in 2 days")]
    [InlineData("fr", 3 * 3600, "il y a 3 heures")]
    [InlineData("fr", 28 * 86400, "il y a un mois")]
    [InlineData("fr", 10 * 86400, "il y a 10 jours")]
    [InlineData("fr", -90, "dans 2 minutes")]
    public void Says_how_long_ago_in_the_readers_language(string culture, int secondsAgo, string expected)
    {
        var services = new ServiceCollection().AddLogging().AddLocalization(o => o.ResourcesPath = "Resources").BuildServiceProvider();
        var text = services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo(culture);
            Assert.Equal(expected, RelativeTime.Format(text, Now.AddSeconds(-secondsAgo), Now));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
