using CustomActivities.Core.ActivityTypes;
using CustomActivities.Core.SmartLists;
using CustomActivities.Tests.Builders;
using CustomActivities.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CustomActivities.Tests.Support.Actors;

namespace CustomActivities.Tests.Unit.SmartLists;

/// <summary>
/// A value already stored can never break a list: values of a field that was another type in an older version (text in
/// a number, a boolean or a date field) are stored, indexed and filtered without an error; they just do not match.
/// </summary>
public sealed class SmartListStoredValueTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Values_that_do_not_parse_as_the_fields_type_match_nothing_and_fail_nothing()
    {
        await using var host = await new CoreTestHostBuilder().At(Now).BuildAsync();
        var service = host.Get<ActivityTypeService>();
        var definition = Define.ActivityType.WithField("seats", FieldDataType.Integer).WithField("vip", FieldDataType.Boolean)
            .WithField("startDate", FieldDataType.Date).Build();
        Assert.True((await service.CreateAsync(Marketer, definition, Ct)).Succeeded);
        Assert.True((await service.ApproveAsync(Admin, "webinarAttended", cancellationToken: Ct)).Succeeded);
        await using var context = host.NewContext();
        var typeId = context.ActivityTypes.Single(t => t.ApiName == "webinarAttended").Id;
        var ann = A.Person.WithEmail("ann@x.com").Build();
        var bob = A.Person.WithEmail("bob@x.com").Build();
        var cat = A.Person.WithEmail("cat@x.com").Build();
        context.People.AddRange(ann, bob, cat);
        await context.SaveChangesAsync(Ct);
        // Written as stored rows (past every field's index, which must not fail either): what an older version left.
        await InsertAsync(context, ann.Id, typeId, """{"seats": "lots", "vip": "yes", "startDate": "soon"}""");
        await InsertAsync(context, bob.Id, typeId, """{"seats": "12", "vip": true, "startDate": "2026-09-01"}""");
        await InsertAsync(context, cat.Id, typeId, """{"seats": "1e400", "vip": 2, "startDate": "n/a"}""");

        Assert.Equal(["bob"], await MembersAsync(host, typeId, FieldConstraint.Of("seats", ConstraintOperator.Equal, "12")));
        Assert.DoesNotContain("ann", await MembersAsync(host, typeId, FieldConstraint.Of("seats", ConstraintOperator.Greater, "5")));
        Assert.Equal(["bob"], await MembersAsync(host, typeId, FieldConstraint.Of("vip", ConstraintOperator.IsTrue)));
        Assert.Equal(["bob"], await MembersAsync(host, typeId, FieldConstraint.Of("startDate", ConstraintOperator.Before, "2026-10-01")));
    }

    private static async Task InsertAsync(Core.Persistence.AppDbContext context, int personId, int typeId, string attributes)
    {
        // The JSON is a constant of this test, written as a literal: a text on SQLite, a jsonb on PostgreSQL.
        var sql = $"""
            INSERT INTO "Activities" ("PersonId", "ActivityTypeId", "TypeVersionNumber", "OccurredAt", "PrimaryValue", "Attributes", "RecordedAt")
            VALUES ({personId}, {typeId}, 1, {Now.AddDays(-1).UtcTicks}, 'Intro', '{attributes}', {Now.UtcTicks})
            """;
        await context.Database.ExecuteSqlRawAsync(sql.Replace("{", "{{").Replace("}", "}}"), Ct);
    }

    private static async Task<IReadOnlyList<string>> MembersAsync(CoreTestHost host, int typeId, FieldConstraint constraint)
    {
        var page = await host.Get<SmartListEvaluator>().PageAsync(new SmartListQuery([SmartListFilter.Activity(typeId, constraint)]),
            SmartListSort.Email, false, 0, 10, cancellationToken: Ct);
        Assert.True(page.Succeeded, string.Join("; ", page.Problems.Select(p => p.Message)));
        return [.. page.Value!.Rows.Select(r => r.Email[..r.Email.IndexOf('@')])];
    }
}
