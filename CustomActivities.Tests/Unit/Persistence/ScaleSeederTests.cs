using CustomActivities.Core.Persistence;
using CustomActivities.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CustomActivities.Tests.Unit.Persistence;

public sealed class ScaleSeederTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Seeds_the_same_data_for_the_same_seed_with_a_hot_person_and_rebuilt_indexes()
    {
        var options = new ScaleSeedOptions(Persons: 40, Activities: 700, Seed: 7, HotPersonActivities: 300, BatchSize: 64);
        var first = await SeedAsync(options);
        var second = await SeedAsync(options);
        var other = await SeedAsync(options with { Seed = 8 });

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    private static async Task<string> SeedAsync(ScaleSeedOptions options)
    {
        await using var host = await new CoreTestHostBuilder().WithServices(s => s.AddScaleSeeder()).BuildAsync();
        var indexesBefore = await host.Get<ScaleLoad>().IndexNamesAsync(Ct);
        var progress = new List<ScaleSeedProgress>();
        var result = await host.Get<ScaleSeeder>().SeedAsync(options, new SyncProgress(progress.Add), Ct);

        await using var context = host.NewContext();
        Assert.Equal(40, await context.People.CountAsync(Ct));
        Assert.Equal(700, await context.Activities.CountAsync(Ct));
        Assert.Equal(300, await context.Activities.CountAsync(a => a.PersonId == result.HotPersonId, Ct));
        Assert.Equal(0, await context.People.CountAsync(p => p.LastActivityAt == null, Ct));
        Assert.Equal(3, await context.ActivityTypes.CountAsync(t => t.LiveVersionNumber == 1, Ct));
        Assert.Contains(progress, p => p.Phase == "activities" && p.Done == 700);
        // The indexes dropped for the load are all back, the timeline's among them.
        Assert.Equal(indexesBefore, await host.Get<ScaleLoad>().IndexNamesAsync(Ct));
        Assert.Contains("IX_Activities_Person_Timeline", indexesBefore);
        Assert.Contains("IX_People_LastActivityAt", indexesBefore);
        Assert.Contains(progress, p => p.Phase == "indexes" && p.Done == p.Total && p.Total > 0);
        await Assert.ThrowsAsync<InvalidOperationException>(() => host.Get<ScaleSeeder>().SeedAsync(options, null, Ct));

        var people = await context.People.OrderBy(p => p.Id).Select(p => p.Email + p.Company).ToListAsync(Ct);
        var activities = await context.Activities.OrderBy(a => a.Id)
            .Select(a => $"{a.PersonId}|{a.ActivityTypeId}|{a.OccurredAt.UtcTicks}|{a.PrimaryValue}|{a.Attributes}").ToListAsync(Ct);
        return string.Join("\n", people.Concat(activities));
    }

    private sealed class SyncProgress(Action<ScaleSeedProgress> report) : IProgress<ScaleSeedProgress>
    {
        public void Report(ScaleSeedProgress value) => report(value);
    }
}
