using CustomActivities.Core.ActivityTypes;
using CustomActivities.Core.Auditing;
using CustomActivities.Tests.Builders;

namespace CustomActivities.Tests.Support;

/// <summary>The people the tests act as (the same ids and emails everywhere), and a shortcut to an approved activity type.</summary>
public static class Actors
{
    public static readonly Actor Marketer = new(ActorKind.User, "mark-id", "mark@test.local");
    public static readonly Actor OtherMarketer = new(ActorKind.User, "mia-id", "mia@test.local");
    public static readonly Actor Admin = new(ActorKind.User, "admin-id", "admin@test.local", IsAdmin: true);
    public static readonly Actor OtherAdmin = new(ActorKind.User, "ann-id", "ann@test.local", IsAdmin: true);

    /// <summary>A marketer creates the type and an admin approves it.</summary>
    public static async Task<ActivityTypeDetail> ApprovedAsync(this ActivityTypeService service, ActivityTypeDefinition? definition = null)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        definition ??= Define.ActivityType.WithField("minutesWatched", FieldDataType.Integer).WithField("askedQuestion", FieldDataType.Boolean).Build();
        var created = await service.CreateAsync(Marketer, definition, cancellationToken);
        Assert.True(created.Succeeded, string.Join("; ", created.Problems));
        var approved = await service.ApproveAsync(Admin, definition.ApiName, cancellationToken: cancellationToken);
        Assert.True(approved.Succeeded, string.Join("; ", approved.Problems));
        return (await service.GetAsync(definition.ApiName, cancellationToken))!;
    }

    /// <summary>Starts an edit as the wizard does: from the pending draft if there is one, else from the live version.</summary>
    public static ActivityTypeDefinitionBuilder Editing(this ActivityTypeDetail detail) =>
        Define.ActivityType.From((detail.Draft ?? detail.Live!).ToDefinition(detail.ApiName));
}
