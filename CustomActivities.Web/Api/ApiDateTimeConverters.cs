using System.Text.Json;
using System.Text.Json.Serialization;
using CustomActivities.Core.Activities;

namespace CustomActivities.Web.Api;

/// <summary>
/// Date-times in serialised API answers (type metadata's createdAt/updatedAt, ...) written as Marketo writes them,
/// "2016-02-03T22:36:23Z", by the same formatter as activityDate and the leads' dates (<see cref="FieldValueParser.FormatDateTime"/>).
/// </summary>
public sealed class ApiDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        FieldValueParser.TryParseDateTime(reader.GetString() ?? "", out var instant) ? instant : throw new JsonException("ISO 8601 date-time expected");

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(FieldValueParser.FormatDateTime(value));
}

/// <summary>The same for <see cref="DateTime"/>; one without a kind is taken as UTC, as the database stores it.</summary>
public sealed class ApiDateTimeConverter : JsonConverter<DateTime>
{
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        FieldValueParser.TryParseDateTime(reader.GetString() ?? "", out var instant) ? instant.UtcDateTime : throw new JsonException("ISO 8601 date-time expected");

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
        writer.WriteStringValue(FieldValueParser.FormatDateTime(value.Kind == DateTimeKind.Unspecified
            ? new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc))
            : new DateTimeOffset(value)));
}
