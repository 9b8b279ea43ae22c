namespace CustomActivities.Core.Auditing;

public enum ActorKind
{
    System,
    User,
    ApiClient,
}

/// <summary>Who did something: a signed-in user, an API client or the system itself.</summary>
public sealed record Actor(ActorKind Kind, string Id, string Name, bool IsAdmin = false)
{
    public static readonly Actor System = new(ActorKind.System, "system", "system", IsAdmin: true);

    /// <summary>The label stored in audit fields and shown to people.</summary>
    public string Label => Kind == ActorKind.ApiClient ? $"api:{Name}" : Name;

    public override string ToString() => Label;
}

/// <summary>Tells persistence and services who is acting in the current request or circuit.</summary>
public interface ICurrentActor
{
    ValueTask<Actor> GetAsync(CancellationToken cancellationToken = default);
}

public sealed class FixedActor(Actor actor) : ICurrentActor
{
    public ValueTask<Actor> GetAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(actor);
}
