using CustomActivities.Core.Auditing;
using CustomActivities.Core.People;
using CustomActivities.Tests.Support;

namespace CustomActivities.Tests.Unit.Persistence;

public sealed class AuditableEntityInterceptorTests
{
    [Fact]
    public async Task Stamps_creation_and_change_with_the_actor_and_the_clock()
    {
        await using var host = await new CoreTestHostBuilder().At(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero)).BuildAsync();
        host.Actor.Current = new Actor(ActorKind.User, "u1", "maria@example.com");

        int id;
        await using (var context = host.NewContext())
        {
            var person = new Person { Email = "p@example.com" };
            context.People.Add(person);
            await context.SaveChangesAsync(TestContext.Current.CancellationToken);
            id = person.Id;
        }

        host.Clock.Advance(TimeSpan.FromHours(1));
        host.Actor.Current = new Actor(ActorKind.ApiClient, "c1", "crm-sync");
        await using (var context = host.NewContext())
        {
            var person = await context.People.FindAsync([id], TestContext.Current.CancellationToken);
            person!.Company = "Acme";
            await context.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using (var context = host.NewContext())
        {
            var person = await context.People.FindAsync([id], TestContext.Current.CancellationToken);
            Assert.Equal("maria@example.com", person!.CreatedBy);
            Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), person.CreatedAt);
            Assert.Equal("api:crm-sync", person.UpdatedBy);
            Assert.Equal(new DateTimeOffset(2026, 1, 2, 4, 4, 5, TimeSpan.Zero), person.UpdatedAt);
        }
    }
}
