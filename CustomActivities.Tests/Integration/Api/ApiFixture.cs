using CustomActivities.Core.ActivityTypes;
using CustomActivities.Tests.Builders;
using CustomActivities.Tests.Support;

namespace CustomActivities.Tests.Integration.Api;

/// <summary>One app (WebApplicationFactory, real SQLite file) with an approved type that has a field of every data type.</summary>
public sealed class ApiFixture : IAsyncLifetime
{
    public AppFactory Factory { get; } = new();
    public ApiHarness Api { get; private set; } = null!;
    public int TypeId { get; private set; }
    public const string TypeApiName = "webinarAttended";

    public static ActivityTypeBuilder EveryDataType() => A.ActivityType
        .Named(TypeApiName, "Webinar attended")
        .WithPrimary("webinarName", FieldDataType.String, "Webinar name")
        .WithField("notes", FieldDataType.Text)
        .WithField("minutes", FieldDataType.Integer, "Minutes watched")
        .WithField("score", FieldDataType.Float)
        .WithField("attended", FieldDataType.Boolean)
        .WithField("contact", FieldDataType.Email)
        .WithField("phone", FieldDataType.Phone)
        .WithField("recording", FieldDataType.Link)
        .WithField("fee", FieldDataType.Currency)
        .WithField("day", FieldDataType.Date)
        .WithField("joinedAt", FieldDataType.DateTime);

    public async ValueTask InitializeAsync()
    {
        _ = Factory.Server;
        Api = new ApiHarness(Factory);
        TypeId = (await Api.SeedTypeAsync(EveryDataType())).Id;
    }

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
}
