using CustomActivities.Core.ActivityTypes;
using CustomActivities.Core.Auditing;
using CustomActivities.Tests.Builders;
using CustomActivities.Tests.Support;
using CustomActivities.Web.Components.Pages.ActivityTypes;
using Microsoft.Extensions.Options;
using static CustomActivities.Tests.Support.Actors;

namespace CustomActivities.Tests.Components.ActivityTypes;

/// <summary>
/// The activity type components over the real Core services on a real SQLite file, acting as <see cref="Act"/>
/// (the test switches it to a marketer or another admin).
/// </summary>
public abstract class ActivityTypeComponentContext : CoreComponentContext
{
    protected ActivityTypeService Types => Core.Get<ActivityTypeService>();

    protected override IEnumerable<Type> CoreServices =>
    [
        typeof(ActivityTypeService), typeof(CustomActivities.Core.Auditing.AuditLog), typeof(TimeProvider),
        typeof(IOptionsMonitor<ApprovalOptions>), typeof(ApprovalQueueNotifier), typeof(CustomActivities.Core.SmartLists.SmartListService),
    ];

    /// <summary>Who the components act as (Core's current actor) and who the page thinks is signed in.</summary>
    protected void Act(Actor actor)
    {
        Core.Actor.Current = actor;
        SignInAs(actor.Name, actor.IsAdmin ? "Admin" : "Marketer");
    }

    /// <summary>A marketer creates "Webinar attended" (with two extra fields) and an admin approves it.</summary>
    protected Task<ActivityTypeDetail> ApprovedTypeAsync() => Types.ApprovedAsync();

    /// <summary>The given person edits the approved type: renames it, drops a field and adds one (a breaking draft).</summary>
    protected async Task<ActivityTypeDetail> BreakingDraftAsync(ActivityTypeDetail approved, Actor by)
    {
        var edit = Define.ActivityType.From(approved.Live!.ToDefinition(approved.ApiName))
            .WithDisplayName("Webinar joined").WithoutField("askedQuestion").WithField("rating", FieldDataType.Integer).Build();
        Assert.True((await Types.UpdateDraftAsync(by, approved.ApiName, edit, null, Ct)).Succeeded);
        return (await Types.GetAsync(approved.ApiName, Ct))!;
    }
}
