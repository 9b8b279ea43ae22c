using CustomActivities.Core.Lists;
using CustomActivities.Core.People;
using CustomActivities.Tests.Builders;
using CustomActivities.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CustomActivities.Tests.Components.Lists;

/// <summary>The static list components over Core's real list services on a real SQLite file.</summary>
public abstract class ListsComponentContext : AppComponentContext, IAsyncLifetime
{
    protected CoreTestHost Core { get; private set; } = null!;

    protected static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    protected override void AddServices(IServiceCollection services) => services
        .AddSingleton(_ => Core.Get<StaticListService>())
        .AddSingleton(_ => Core.Get<StaticListMembership>())
        .AddSingleton(_ => Core.Get<PeopleService>());

    public async ValueTask InitializeAsync() => Core = await new CoreTestHostBuilder().BuildAsync();

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await DisposeAsync();
        await Core.DisposeAsync();
    }

    protected async Task<int> ListAsync(string name) => (await Core.Get<StaticListService>().CreateAsync(name, null, Ct)).Value;

    protected async Task<int> PersonAsync(string email)
    {
        await using var context = Core.NewContext();
        var person = A.Person.WithEmail(email).Build();
        context.People.Add(person);
        await context.SaveChangesAsync(Ct);
        return person.Id;
    }
}
