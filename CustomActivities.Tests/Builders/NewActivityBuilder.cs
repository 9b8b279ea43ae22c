using System.Text.Json;
using CustomActivities.Core.Activities;

namespace CustomActivities.Tests.Builders;

/// <summary>Fluent activities for the bulk writer: <c>An.Activity(personId, typeId).At(t).Primary("x").With("k", 3).Build()</c>.</summary>
public sealed class NewActivityBuilder(int personId, int typeId)
{
    private int version = 1;
    private DateTimeOffset occurredAt = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private string? primary = "value";
    private readonly Dictionary<string, object?> attributes = [];

    public NewActivityBuilder At(DateTimeOffset value) { occurredAt = value; return this; }
    public NewActivityBuilder Version(int value) { version = value; return this; }
    public NewActivityBuilder Primary(string? value) { primary = value; return this; }
    public NewActivityBuilder With(string apiName, object? value) { attributes[apiName] = value; return this; }

    public NewActivity Build() => new(personId, typeId, version, occurredAt, primary,
        attributes.Count == 0 ? null : JsonSerializer.Serialize(attributes));
}

public static class An
{
    public static NewActivityBuilder Activity(int personId, int typeId) => new(personId, typeId);
}
