using CustomActivities.Core.Activities;
using CustomActivities.Core.ActivityTypes;
using CustomActivities.Tests.Builders;
using CustomActivities.Tests.Support;
using static CustomActivities.Tests.Support.Actors;

namespace CustomActivities.Tests.Unit.ActivityTypes;

/// <summary>The list page's server-side data: filtered, sorted and cut into pages, with the number of matches.</summary>
public sealed class ActivityTypePagingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<ActivityTypeService> ThreeTypesAsync(CoreTestHost host)
    {
        var service = host.Get<ActivityTypeService>();
        foreach (var name in new[] { "Webinar attended", "Cheque deposited", "Car bought" })
        {
            await service.CreateAsync(Marketer, Define.ActivityType.Named(name).Build(), Ct);
        }
        return service;
    }

    [Fact]
    public async Task A_page_holds_the_asked_slice_of_the_sorted_list_and_counts_every_match()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var service = await ThreeTypesAsync(host);

        var first = await service.PageAsync(new ActivityTypePageQuery(Take: 2), Ct);
        var second = await service.PageAsync(new ActivityTypePageQuery(Skip: 2, Take: 2), Ct);

        Assert.Equal(["Car bought", "Cheque deposited"], first.Items.Select(i => i.DisplayName));
        Assert.Equal(["Webinar attended"], second.Items.Select(i => i.DisplayName));
        Assert.Equal(3, first.TotalCount);
    }

    [Fact]
    public async Task Sorting_by_a_column_descending_reverses_it_and_equal_values_keep_the_name_order()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var service = await ThreeTypesAsync(host);
        await service.ApproveAsync(Admin, "chequeDeposited", cancellationToken: Ct);

        var byApiName = await service.PageAsync(new ActivityTypePageQuery(SortBy: ActivityTypeSort.ApiName, Descending: true), Ct);
        var byStatus = await service.PageAsync(new ActivityTypePageQuery(SortBy: ActivityTypeSort.Status, Descending: true), Ct);

        Assert.Equal(["webinarAttended", "chequeDeposited", "carBought"], byApiName.Items.Select(i => i.ApiName));
        Assert.Equal(["Cheque deposited", "Car bought", "Webinar attended"], byStatus.Items.Select(i => i.DisplayName));
    }

    [Fact]
    public async Task The_search_and_status_filter_apply_before_paging()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var service = await ThreeTypesAsync(host);
        await service.ApproveAsync(Admin, "carBought", cancellationToken: Ct);

        var searched = await service.PageAsync(new ActivityTypePageQuery(Search: "C", Take: 1), Ct);
        var approved = await service.PageAsync(new ActivityTypePageQuery(Status: ActivityTypeStatus.Approved), Ct);

        Assert.Equal(2, searched.TotalCount);
        Assert.Equal(["Car bought"], searched.Items.Select(i => i.DisplayName));
        Assert.Equal(["carBought"], approved.Items.Select(i => i.ApiName));
    }

    [Fact]
    public async Task The_activity_count_sorts_the_busiest_type_first()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var service = await ThreeTypesAsync(host);
        var cheque = (await service.GetAsync("chequeDeposited", Ct))!;
        await using (var context = host.NewContext())
        {
            var person = A.Person.Build();
            context.People.Add(person);
            await context.SaveChangesAsync(Ct);
            context.Activities.Add(new Activity { PersonId = person.Id, ActivityTypeId = cheque.Id, TypeVersionNumber = 1 });
            await context.SaveChangesAsync(Ct);
        }

        var page = await service.PageAsync(new ActivityTypePageQuery(SortBy: ActivityTypeSort.ActivityCount, Descending: true), Ct);

        Assert.Equal("Cheque deposited", page.Items[0].DisplayName);
    }
}
