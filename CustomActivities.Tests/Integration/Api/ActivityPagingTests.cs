using System.Text.Json;
using CustomActivities.Tests.Support;
using static CustomActivities.Tests.Support.ApiHarness;

namespace CustomActivities.Tests.Integration.Api;

public sealed class ActivityPagingTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private ApiHarness Api => fixture.Api;

    [Fact]
    public async Task Pages_of_up_to_300_come_in_time_order_with_filters_and_end_with_moreResult_false()
    {
        using var http = await Api.ClientAsync();
        var lead = await Api.SeedPersonAsync();
        var other = await Api.SeedPersonAsync();
        var start = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
        // 650 activities for lead (dates descending in input, so storage order differs from time order) and 5 for another lead.
        for (var batch = 0; batch < 3; batch++)
        {
            var records = Enumerable.Range(0, batch < 2 ? 300 : 50)
                .Select(i => Activity(lead, fixture.TypeId, $"b{batch}-{i}", date: start.AddMinutes(10_000 - (batch * 300 + i)).ToString("O")))
                .ToArray();
            Assert.All((await PostAsync(http, "/rest/v1/activities/external.json", Input(records))).RecordOutcomes, o => Assert.Equal("added", o));
        }
        await PostAsync(http, "/rest/v1/activities/external.json", Input([.. Enumerable.Range(0, 5).Select(i => Activity(other, fixture.TypeId, "o", date: start.AddMinutes(i).ToString("O")))]));

        var token = (await GetAsync(http, $"/rest/v1/activities/pagingtoken.json?sinceDatetime={Uri.EscapeDataString(start.ToString("O"))}")).Json.GetProperty("nextPageToken").GetString()!;
        var seen = new List<(DateTimeOffset At, long Id)>();
        var pages = 0;
        while (true)
        {
            var page = await GetAsync(http, $"/rest/v1/activities.json?nextPageToken={token}&leadIds={lead}&activityTypeIds={fixture.TypeId}");
            Assert.True(page.Success);
            Assert.InRange(page.Result.GetArrayLength(), 0, 300);
            seen.AddRange(page.Result.EnumerateArray().Select(a => (DateTimeOffset.Parse(a.GetProperty("activityDate").GetString()!), a.GetProperty("id").GetInt64())));
            Assert.All(page.Result.EnumerateArray(), a => Assert.Equal(lead, a.GetProperty("leadId").GetInt32()));
            pages++;
            token = page.Json.GetProperty("nextPageToken").GetString()!;
            if (!page.Json.GetProperty("moreResult").GetBoolean())
            {
                break;
            }
        }

        Assert.Equal(650, seen.Count);
        Assert.Equal(3, pages);
        Assert.Equal(seen.OrderBy(s => s.At).ThenBy(s => s.Id), seen);
        Assert.Equal(650, seen.Select(s => s.Id).Distinct().Count());
    }

    [Fact]
    public async Task Paging_while_activities_are_added_skips_and_repeats_nothing()
    {
        using var http = await Api.ClientAsync();
        var lead = await Api.SeedPersonAsync();
        var start = new DateTimeOffset(2031, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var next = 0;
        async Task<List<long>> AddAsync(int count)
        {
            var records = Enumerable.Range(0, count).Select(_ => Activity(lead, fixture.TypeId, "p", date: start.AddSeconds(next++).ToString("O"))).ToArray();
            var answer = await PostAsync(http, "/rest/v1/activities/external.json", Input(records));
            return [.. answer.Result.EnumerateArray().Select(r => r.GetProperty("id").GetInt64())];
        }

        var added = await AddAsync(250);
        var token = (await GetAsync(http, $"/rest/v1/activities/pagingtoken.json?sinceDatetime={Uri.EscapeDataString(start.ToString("O"))}")).Json.GetProperty("nextPageToken").GetString()!;
        var read = new List<long>();
        for (var round = 0; round < 12; round++)
        {
            var page = await GetAsync(http, $"/rest/v1/activities.json?nextPageToken={token}&leadIds={lead}&batchSize=100");
            read.AddRange(page.Result.EnumerateArray().Select(a => a.GetProperty("id").GetInt64()));
            token = page.Json.GetProperty("nextPageToken").GetString()!;
            if (round < 6)
            {
                added.AddRange(await AddAsync(60));
            }
        }

        Assert.Equal(added.Count, read.Count);
        Assert.Equal(added.Order(), read.Order());
    }

    [Theory]
    [InlineData("/rest/v1/activities/pagingtoken.json", "1002")]
    [InlineData("/rest/v1/activities/pagingtoken.json?sinceDatetime=soon", "1003")]
    [InlineData("/rest/v1/activities.json", "1002")]
    [InlineData("/rest/v1/activities.json?nextPageToken=garbage!", "1003")]
    [InlineData("/rest/v1/activities.json?nextPageToken=AQAAAAAAAAAAAAAAAAAAAAA&activityTypeIds=1,2,3,4,5,6,7,8,9,10,11", "1003")]
    [InlineData("/rest/v1/activities.json?nextPageToken=AQAAAAAAAAAAAAAAAAAAAAA&leadIds=a", "1001")]
    public async Task Bad_paging_parameters_get_their_codes(string path, string code)
    {
        using var http = await Api.ClientAsync();

        Assert.Equal(code, (await GetAsync(http, path)).ErrorCode);
    }

    [Fact]
    public async Task Too_many_lead_filters_get_1003()
    {
        using var http = await Api.ClientAsync();
        var leads = string.Join(',', Enumerable.Range(1, 31));

        Assert.Equal("1003", (await GetAsync(http, $"/rest/v1/activities.json?nextPageToken=AQAAAAAAAAAAAAAAAAAAAAA&leadIds={leads}")).ErrorCode);
    }
}
