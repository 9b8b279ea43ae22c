using System.Globalization;
using System.Text.Json;
using CustomActivities.Core.Auditing;
using CustomActivities.Core.Lists;
using CustomActivities.Core.People;

namespace CustomActivities.Core.Activities;

/// <summary>A person's profile fields, to tell which of them a save changed.</summary>
public sealed record ProfileValues(string Email, string? FirstName, string? LastName, string? Company)
{
    public static ProfileValues Of(Person person) => new(person.Email, person.FirstName, person.LastName, person.Company);

    internal IEnumerable<(string RestName, string? Value)> Fields =>
        [("email", Email), ("firstName", FirstName), ("lastName", LastName), ("company", Company)];
}

/// <summary>Builds the standard activities (<see cref="StandardActivityTypes"/>) a change to people or lists causes.</summary>
public static class StandardActivities
{
    /// <summary>Marketo's Source of a change made through the REST API.</summary>
    public const string ApiSource = "Web service API";
    public const string UiSource = "Person Detail Page";
    public const string SystemSource = "System";

    public static string SourceOf(Actor actor) => actor.Kind switch
    {
        ActorKind.ApiClient => ApiSource,
        ActorKind.User => UiSource,
        _ => SystemSource,
    };

    /// <summary>New Lead: primary value the person's name (or email), its id the person's id.</summary>
    public static Activity NewLead(Person person, Actor actor, DateTimeOffset at) => Build(StandardActivityTypes.NewLead, person.Id, at,
        string.IsNullOrWhiteSpace(person.FullName) ? person.Email : person.FullName, person.Id,
        new Dictionary<string, string?>
        {
            [StandardActivityTypes.CreatedDate] = at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [StandardActivityTypes.SourceType] = SourceOf(actor),
        });

    /// <summary>One Change Data Value per profile field whose stored value differs (a change of case is a change).</summary>
    public static IEnumerable<Activity> DataValueChanges(int personId, ProfileValues before, ProfileValues after, Actor actor, DateTimeOffset at)
    {
        foreach (var ((name, old), (_, value)) in before.Fields.Zip(after.Fields))
        {
            if (string.Equals(old, value, StringComparison.Ordinal))
            {
                continue;
            }
            var field = LeadService.FindField(name)!;
            yield return Build(StandardActivityTypes.ChangeDataValue, personId, at, field.DisplayName, field.Id,
                new Dictionary<string, string?>
                {
                    [StandardActivityTypes.NewValue] = value,
                    [StandardActivityTypes.OldValue] = old,
                    // Marketo's own example gives an API change the reason "Web service API"; a person in the app is named.
                    [StandardActivityTypes.Reason] = actor.Kind == ActorKind.ApiClient ? ApiSource : $"Changed by {actor.Label}",
                    [StandardActivityTypes.Source] = SourceOf(actor),
                });
        }
    }

    /// <summary>Add to List / Remove from List: primary value the list's name, its id the list's id.</summary>
    public static Activity ListMembership(bool added, int personId, StaticList list, DateTimeOffset at) =>
        Build(added ? StandardActivityTypes.AddToList : StandardActivityTypes.RemoveFromList, personId, at, list.Name, list.Id, null);

    private static Activity Build(int typeId, int personId, DateTimeOffset at, string? primary, long? primaryId, Dictionary<string, string?>? attributes) => new()
    {
        PersonId = personId,
        ActivityTypeId = typeId,
        TypeVersionNumber = 1,
        OccurredAt = at,
        RecordedAt = at,
        PrimaryValue = primary,
        PrimaryValueId = primaryId,
        Attributes = attributes is null ? null : JsonSerializer.Serialize(attributes),
    };
}
