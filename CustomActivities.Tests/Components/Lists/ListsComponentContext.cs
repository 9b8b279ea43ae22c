using CustomActivities.Core.Lists;
using CustomActivities.Core.People;
using CustomActivities.Tests.Builders;
using CustomActivities.Tests.Support;

namespace CustomActivities.Tests.Components.Lists;

/// <summary>The static list components over Core's real list services on a real SQLite file.</summary>
public abstract class ListsComponentContext : CoreComponentContext
{
    protected override IEnumerable<Type> CoreServices => [typeof(StaticListService), typeof(StaticListMembership), typeof(PeopleService)];

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
