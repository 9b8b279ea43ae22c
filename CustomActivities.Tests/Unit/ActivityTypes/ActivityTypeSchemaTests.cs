using System.Text.Json;
using CustomActivities.Core.ActivityTypes;
using CustomActivities.Tests.Builders;
using CustomActivities.Tests.Support;
using static CustomActivities.Tests.Support.Actors;

namespace CustomActivities.Tests.Unit.ActivityTypes;

public sealed class ActivityTypeSchemaTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_approved_version_exports_as_a_json_schema_of_its_fields()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var service = host.Get<ActivityTypeService>();
        await service.ApprovedAsync(Define.ActivityType.WithField("minutesWatched", FieldDataType.Integer)
            .WithField("contact", FieldDataType.Email).WithField("at", FieldDataType.DateTime).Build());

        var json = await service.ExportSchemaAsync("webinarAttended", cancellationToken: Ct);

        using var schema = JsonDocument.Parse(json!);
        var root = schema.RootElement;
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", root.GetProperty("$schema").GetString());
        Assert.Equal("object", root.GetProperty("type").GetString());
        Assert.Equal("webinarName", root.GetProperty("required")[0].GetString());
        var properties = root.GetProperty("properties");
        Assert.Equal("integer", properties.GetProperty("minutesWatched").GetProperty("type").GetString());
        Assert.Equal("email", properties.GetProperty("contact").GetProperty("format").GetString());
        Assert.Equal("date-time", properties.GetProperty("at").GetProperty("format").GetString());
        Assert.Equal("Webinar name", properties.GetProperty("webinarName").GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_type_never_approved_has_no_schema()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var service = host.Get<ActivityTypeService>();
        await service.CreateAsync(Marketer, Define.ActivityType.Build(), Ct);

        Assert.Null(await service.ExportSchemaAsync("webinarAttended", cancellationToken: Ct));
    }
}
