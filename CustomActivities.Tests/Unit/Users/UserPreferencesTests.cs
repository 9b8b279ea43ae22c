using CustomActivities.Core.Users;
using CustomActivities.Tests.Support;
using CustomActivities.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomActivities.Tests.Unit.Users;

public sealed class UserPreferencesTests
{
    private static Task<CoreTestHost> HostAsync() =>
        new CoreTestHostBuilder().WithServices(s => s.AddSingleton(new SupportedLanguages(SupportedCultures.Names))).BuildAsync();

    private static async Task<string> AdminIdAsync(CoreTestHost host)
    {
        await using var context = host.NewContext();
        return await context.Users.Select(u => u.Id).SingleAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_user_has_no_language_until_they_choose_one_and_then_keeps_it()
    {
        await using var host = await HostAsync();
        var preferences = host.Get<UserPreferences>();
        var id = await AdminIdAsync(host);

        Assert.Null(await preferences.PreferredCultureAsync(id, TestContext.Current.CancellationToken));
        Assert.True((await preferences.SetPreferredCultureAsync(id, "de")).Succeeded);
        Assert.Equal("de", await preferences.PreferredCultureAsync(id, TestContext.Current.CancellationToken));

        await using var context = host.NewContext();
        Assert.Equal("de", (await context.Users.SingleAsync(TestContext.Current.CancellationToken)).PreferredCulture);
    }

    [Fact]
    public async Task A_culture_is_stored_in_the_lists_spelling()
    {
        await using var host = await HostAsync();
        var preferences = host.Get<UserPreferences>();
        var id = await AdminIdAsync(host);

        Assert.True((await preferences.SetPreferredCultureAsync(id, "PT-br")).Succeeded);

        Assert.Equal("pt-BR", await preferences.PreferredCultureAsync(id, TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("ja")]
    [InlineData("")]
    [InlineData("de-DE-with-a-tail-longer-than-the-column")]
    public async Task A_language_the_app_does_not_offer_is_refused_and_the_saved_one_stays(string culture)
    {
        await using var host = await HostAsync();
        var preferences = host.Get<UserPreferences>();
        var id = await AdminIdAsync(host);
        await preferences.SetPreferredCultureAsync(id, "nl");

        var result = await preferences.SetPreferredCultureAsync(id, culture);

        Assert.Equal([UserErrors.UnsupportedLanguage], result.Problems.Select(p => p.Code));
        Assert.Equal("nl", await preferences.PreferredCultureAsync(id, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task An_unknown_user_is_refused_and_has_no_language()
    {
        await using var host = await HostAsync();
        var preferences = host.Get<UserPreferences>();

        Assert.Equal([UserErrors.NotFound], (await preferences.SetPreferredCultureAsync("nobody", "de")).Problems.Select(p => p.Code));
        Assert.Null(await preferences.PreferredCultureAsync("nobody", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_stored_language_the_app_no_longer_offers_reads_as_none()
    {
        await using var host = await HostAsync();
        var id = await AdminIdAsync(host);
        await using (var context = host.NewContext())
        {
            await context.Users.ExecuteUpdateAsync(u => u.SetProperty(x => x.PreferredCulture, "ja"), TestContext.Current.CancellationToken);
        }

        Assert.Null(await host.Get<UserPreferences>().PreferredCultureAsync(id, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Choosing_a_language_is_not_audited()
    {
        await using var host = await HostAsync();
        var id = await AdminIdAsync(host);
        await using var context = host.NewContext();
        var before = await context.AuditEntries.CountAsync(TestContext.Current.CancellationToken);

        Assert.True((await host.Get<UserPreferences>().SetPreferredCultureAsync(id, "es")).Succeeded);

        Assert.Equal(before, await context.AuditEntries.CountAsync(TestContext.Current.CancellationToken));
    }
}
