using System.Text.Json;
using CustomActivities.Core.ActivityTypes;
using CustomActivities.Core.ApiClients;
using CustomActivities.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static CustomActivities.Tests.Support.ApiHarness;

namespace CustomActivities.Tests.Integration.Api;

/// <summary>
/// The endpoints announce nothing themselves: a type drafted through the REST API reaches the approvals badges of open
/// pages through the type's own event, published after the commit; a refused call reaches no one.
/// </summary>
public sealed class ApprovalQueueFromApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task A_type_drafted_through_the_api_reaches_the_approval_queue_and_a_refused_one_does_not()
    {
        var api = fixture.Api;
        var client = await api.CreateApiClientAsync(ApiPermission.Full, $"queue-{Guid.NewGuid():N}");
        using var http = api.WithToken(await api.TokenAsync(client));
        var queue = api.Factory.Services.GetRequiredService<ApprovalQueueNotifier>();
        var heard = 0;
        void Heard() => Interlocked.Increment(ref heard);
        queue.QueueChanged += Heard;
        try
        {
            var apiName = $"queued{Guid.NewGuid():N}"[..20];
            var body = JsonSerializer.Serialize(new
            {
                apiName,
                name = "Queued thing",
                triggerName = $"Does {apiName}",
                filterName = $"Did {apiName}",
                primaryAttribute = new { apiName = "title", name = "Title", dataType = "string" },
            });

            Assert.True((await PostAsync(http, "/rest/v1/activities/external/type.json", body)).Success);
            Assert.Equal(1, heard);

            Assert.False((await PostAsync(http, "/rest/v1/activities/external/type.json", body)).Success);
            Assert.Equal(1, heard);
        }
        finally
        {
            queue.QueueChanged -= Heard;
        }
    }
}
