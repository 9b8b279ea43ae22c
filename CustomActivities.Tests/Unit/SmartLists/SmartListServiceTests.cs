using CustomActivities.Core.Auditing;
using CustomActivities.Core.Results;
using CustomActivities.Core.SmartLists;
using CustomActivities.Tests.Builders;
using CustomActivities.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CustomActivities.Tests.Unit.SmartLists;

public sealed class SmartListServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(CoreTestHost Host, int Webinar, int Other)> HostAsync()
    {
        var host = await new CoreTestHostBuilder().BuildAsync();
        await using var context = host.NewContext();
        var webinar = A.ActivityType.Build();
        var other = A.ActivityType.Named("chequeDeposited", "Cheque deposited").WithPrimary("memo").Build();
        context.AddRange(webinar, other);
        await context.SaveChangesAsync(Ct);
        return (host, webinar.Id, other.Id);
    }

    private static SmartListQuery Attended(int type) =>
        new([SmartListFilter.Activity(type, FieldConstraint.Of("webinarName", ConstraintOperator.Contains, "rust"))]);

    [Fact]
    public async Task Save_rename_duplicate_and_delete_are_each_audited_and_a_saved_list_reopens_with_its_rules()
    {
        var (host, webinar, _) = await HostAsync();
        await using var _ = host;
        var service = host.Get<SmartListService>();

        var saved = await service.SaveAsync(null, " Rust fans ", Attended(webinar), Ct);
        var updated = await service.SaveAsync(saved.Value, "Rust fans", Attended(webinar) with { Logic = SmartListLogic.Any }, Ct);
        var renamed = await service.RenameAsync(saved.Value, "Rustaceans", Ct);
        var copy = await service.DuplicateAsync(saved.Value, "Rustaceans 2", Ct);
        var reopened = await service.FindAsync(copy.Value, Ct);
        var deleted = await service.DeleteAsync(saved.Value, Ct);

        Assert.True(saved.Succeeded && updated.Succeeded && renamed.Succeeded && copy.Succeeded && deleted.Succeeded);
        Assert.Equal("Rustaceans 2", reopened!.Name);
        Assert.Empty(reopened.Problems);
        Assert.Equal(SmartListLogic.Any, reopened.Query.Logic);
        Assert.Equal("rust", reopened.Query.Filters[0].ConstraintList[0].Values[0]);
        Assert.Equal(["Rustaceans 2"], (await service.ListAsync(Ct)).Select(l => l.Name));
        await using var context = host.NewContext();
        var actions = await context.AuditEntries.Where(e => e.EntityType == AuditEntityTypes.SmartList).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync(Ct);
        Assert.Equal([AuditActions.SmartListCreated, AuditActions.SmartListUpdated, AuditActions.SmartListRenamed, AuditActions.SmartListDuplicated,
            AuditActions.SmartListDeleted], actions);
    }

    [Fact]
    public async Task A_name_is_required_and_unique_whatever_its_case_and_an_invalid_list_is_not_saved()
    {
        var (host, webinar, _) = await HostAsync();
        await using var _ = host;
        var service = host.Get<SmartListService>();
        await service.SaveAsync(null, "Rust fans", Attended(webinar), Ct);

        var required = Assert.Single((await service.SaveAsync(null, "  ", Attended(webinar), Ct)).Problems);
        Assert.Equal(("name", SmartListProblems.Required), (required.Field, required.Code));
        var tooLong = Assert.Single((await service.SaveAsync(null, new string('x', 256), Attended(webinar), Ct)).Problems);
        Assert.Equal(("name", SmartListProblems.TooLong), (tooLong.Field, tooLong.Code));
        var taken = await service.SaveAsync(null, "RUST FANS", Attended(webinar), Ct);
        Assert.Equal(("name", SmartListProblems.NameTaken, ProblemKind.Conflict), (Assert.Single(taken.Problems).Field, taken.Problems[0].Code, taken.Kind));
        var invalid = await service.SaveAsync(null, "Broken", SmartListQuery.Empty, Ct);
        Assert.Equal(SmartListProblems.NoFilters, Assert.Single(invalid.Problems).Code);
        var missing = await service.RenameAsync(999, "x", Ct);
        Assert.Equal((SmartListProblems.NotFound, ProblemKind.NotFound), (Assert.Single(missing.Problems).Code, missing.Kind));
    }

    [Fact]
    public async Task Usages_of_a_type_name_the_fields_each_list_constrains()
    {
        var (host, webinar, other) = await HostAsync();
        await using var _ = host;
        var service = host.Get<SmartListService>();
        await service.SaveAsync(null, "Rust fans", Attended(webinar), Ct);
        await service.SaveAsync(null, "Depositors", new SmartListQuery([SmartListFilter.Activity(other)]), Ct);

        var usages = await service.UsagesOfTypeAsync(webinar, Ct);

        var usage = Assert.Single(usages);
        Assert.Equal("Rust fans", usage.List.Name);
        Assert.Equal(["webinarName"], usage.Fields);
    }

    [Fact]
    public async Task Where_used_names_the_lists_whose_filters_refer_to_a_type()
    {
        var (host, webinar, other) = await HostAsync();
        await using var _ = host;
        var service = host.Get<SmartListService>();
        await service.SaveAsync(null, "Rust fans", Attended(webinar), Ct);
        await service.SaveAsync(null, "Everyone at Acme", new SmartListQuery([SmartListFilter.Attribute(PersonAttributes.Company, ConstraintOperator.Is, "Acme")]), Ct);

        Assert.Equal(["Rust fans"], (await service.UsingActivityTypeAsync(webinar, Ct)).Select(l => l.Name));
        Assert.Empty(await service.UsingActivityTypeAsync(other, Ct));
    }

    [Fact]
    public async Task A_stored_definition_that_cannot_be_read_opens_with_its_problem()
    {
        var (host, _, _) = await HostAsync();
        await using var _ = host;
        await using (var context = host.NewContext())
        {
            context.SmartLists.Add(new SmartList { Name = "From the future", Definition = "{\"version\":9}" });
            await context.SaveChangesAsync(Ct);
        }

        var opened = (await host.Get<SmartListService>().ListAsync(Ct)).Single();
        var found = await host.Get<SmartListService>().FindAsync(opened.Id, Ct);

        Assert.Equal(SmartListProblems.UnsupportedVersion, Assert.Single(found!.Problems).Code);
        Assert.Empty(found.Query.Filters);
    }
}
