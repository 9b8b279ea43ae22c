using CustomActivities.Core.Activities;
using CustomActivities.Core.ActivityTypes;
using CustomActivities.Tests.Builders;
using CustomActivities.Tests.Support;
using static CustomActivities.Tests.Support.Actors;

namespace CustomActivities.Tests.Unit.ActivityTypes;

/// <summary>What approving a draft would break, asked before the approval (and the one naming rule for versions).</summary>
public sealed class ActivityTypeImpactTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_draft_removing_a_field_reports_the_field_and_how_many_activities_the_type_has()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var service = host.Get<ActivityTypeService>();
        var approved = await service.ApprovedAsync();
        await using (var context = host.NewContext())
        {
            var person = A.Person.Build();
            context.People.Add(person);
            await context.SaveChangesAsync(Ct);
            context.Activities.AddRange(Enumerable.Range(0, 2).Select(_ => new Activity { PersonId = person.Id, ActivityTypeId = approved.Id, TypeVersionNumber = 1 }));
            await context.SaveChangesAsync(Ct);
        }
        await service.UpdateDraftAsync(Marketer, approved.ApiName, approved.Editing().WithoutField("askedQuestion").Build(), null, Ct);

        var impact = (await service.BreakingChangeImpactAsync(approved.ApiName, Ct))!;

        Assert.True(impact.IsBreaking);
        Assert.Equal(["field:askedQuestion"], impact.BreakingChanges.Select(c => c.Item));
        Assert.Equal(2, impact.ActivityCount);
    }

    [Fact]
    public async Task A_draft_that_only_adds_or_relabels_breaks_nothing_and_a_type_without_draft_has_no_impact()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var service = host.Get<ActivityTypeService>();
        var approved = await service.ApprovedAsync();

        Assert.Null(await service.BreakingChangeImpactAsync(approved.ApiName, Ct));
        await service.UpdateDraftAsync(Marketer, approved.ApiName,
            approved.Editing().WithDisplayName("Webinar joined").WithField("rating", FieldDataType.Integer).Build(), null, Ct);

        var impact = (await service.BreakingChangeImpactAsync(approved.ApiName, Ct))!;

        Assert.False(impact.IsBreaking);
        Assert.Equal(0, impact.ActivityCount);
    }

    [Theory]
    [InlineData("Cheque deposited", 2, "Cheque cashed", "Cheque deposited (v2: Cheque cashed)")]
    [InlineData("Cheque deposited", 3, "Cheque deposited", "Cheque deposited")]
    [InlineData("Cheque deposited", 1, "Cheque deposited ", "Cheque deposited")]
    public void A_versions_label_shows_beside_todays_name_only_when_it_differs(string today, int number, string label, string expected) =>
        Assert.Equal(expected, ActivityTypeLabel.For(today, number, label));
}
