using System.Globalization;
using CustomActivities.Core.Auditing;
using CustomActivities.Web;
using CustomActivities.Web.Components.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CustomActivities.Tests.Unit.Components;

public sealed class ActorTextTests
{
    [Theory]
    [InlineData("en", "system", "System")]
    [InlineData("fr", "system", "Système")]
    [InlineData("en", "api:Webinar sync", "API client Webinar sync")]
    [InlineData("fr", "api:Webinar sync", "client API Webinar sync")]
    [InlineData("fr", "ada@example.com", "ada@example.com")]
    [InlineData("fr", "", "")]
    [InlineData("fr", null, "")]
    public void Words_the_stored_actor_label_for_the_reader(string culture, string? label, string expected)
    {
        var services = new ServiceCollection().AddLogging().AddLocalization(o => o.ResourcesPath = "Resources").BuildServiceProvider();
        var text = services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo(culture);
            Assert.Equal(expected, text.Who(label));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void Reads_the_labels_the_actors_store()
    {
        Assert.Equal("system", Actor.System.Label);
        Assert.Equal("api:Webinar sync", new Actor(ActorKind.ApiClient, "7", "Webinar sync").Label);
    }
}
