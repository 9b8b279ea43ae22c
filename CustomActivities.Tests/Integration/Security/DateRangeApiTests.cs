using CustomActivities.Tests.Integration.Api;
using CustomActivities.Tests.Support;
using static CustomActivities.Tests.Support.ApiHarness;

namespace CustomActivities.Tests.Integration.Security;

public sealed class DateRangeApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Dates_outside_the_accepted_ranges_are_refused_per_record_with_1003_and_nothing_of_them_is_stored()
    {
        using var http = await fixture.Api.ClientAsync();
        var person = await fixture.Api.SeedPersonAsync();
        var before = await fixture.Api.ActivityCountAsync();

        var answer = await PostAsync(http, "/rest/v1/activities/external.json", Input(
            Activity(person, fixture.TypeId, "end of time", date: "9999-12-31T23:59:59Z"),
            Activity(person, fixture.TypeId, "start of time", date: "0001-01-01T00:00:00Z"),
            Activity(person, fixture.TypeId, "before 1970", date: "1969-12-31T23:59:59Z"),
            Activity(person, fixture.TypeId, "first second", date: "1970-01-01T00:00:00Z"),
            Activity(person, fixture.TypeId, "old birthday", [Attr("day", "1899-12-31")]),
            Activity(person, fixture.TypeId, "far datetime", [Attr("joinedAt", "2100-01-01T00:00:00Z")]),
            Activity(person, fixture.TypeId, "edges", [Attr("day", "1900-01-01"), Attr("joinedAt", "2099-12-31T23:59:59Z")])));

        Assert.True(answer.Success);
        Assert.Equal(["1003", "1003", "1003", "added", "1003", "1003", "added"], answer.RecordOutcomes);
        Assert.Contains("outside the accepted range 1970-01-01T00:00:00Z to 2099-12-31T23:59:59Z",
            answer.Result[0].GetProperty("reasons")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(before + 2, await fixture.Api.ActivityCountAsync());
    }
}
