using Bunit;
using CustomActivities.Core.SmartLists;
using CustomActivities.Tests.Builders;
using CustomActivities.Tests.Support;
using CustomActivities.Web.Components.Pages.SmartLists;

namespace CustomActivities.Tests.Components.SmartLists;

public sealed class SmartListsUsingTypeTests : CoreComponentContext
{
    protected override IEnumerable<Type> CoreServices => [typeof(SmartListService)];

    [Fact]
    public async Task The_type_page_names_the_saved_lists_that_filter_on_the_type()
    {
        await using var context = Core.NewContext();
        var webinar = A.ActivityType.Build();
        var cheque = A.ActivityType.Named("chequeDeposited", "Cheque deposited").WithPrimary("memo").Build();
        context.AddRange(webinar, cheque);
        await context.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken);
        await Core.Get<SmartListService>().SaveAsync(null, "Webinar fans", new SmartListQuery([SmartListFilter.Activity(webinar.Id)]),
            Xunit.TestContext.Current.CancellationToken);

        var used = Render<SmartListsUsingType>(p => p.Add(c => c.TypeId, webinar.Id));
        var unused = Render<SmartListsUsingType>(p => p.Add(c => c.TypeId, cheque.Id));

        used.WaitForAssertion(() => Assert.Equal("Webinar fans", used.Find("[data-testid=where-used-list]").TextContent));
        unused.WaitForAssertion(() => Assert.NotNull(unused.Find("[data-testid=where-used-none]")));
    }
}
