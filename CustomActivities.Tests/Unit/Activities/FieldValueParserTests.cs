using CustomActivities.Core.Activities;
using CustomActivities.Core.ActivityTypes;

namespace CustomActivities.Tests.Unit.Activities;

public sealed class FieldValueParserTests
{
    private static ActivityField Field(FieldDataType type) => new() { ApiName = "f", DisplayName = "F", DataType = type };

    [Theory]
    [InlineData(FieldDataType.Integer, ApiValueKind.Number, "42", "42")]
    [InlineData(FieldDataType.Integer, ApiValueKind.String, "-7", "-7")]
    [InlineData(FieldDataType.Float, ApiValueKind.String, "4.50", "4.5")]
    [InlineData(FieldDataType.Currency, ApiValueKind.Number, "19.99", "19.99")]
    [InlineData(FieldDataType.Boolean, ApiValueKind.String, "True", "true")]
    [InlineData(FieldDataType.Date, ApiValueKind.String, "2026-02-28", "2026-02-28")]
    [InlineData(FieldDataType.DateTime, ApiValueKind.String, "2026-11-01T10:05:00+01:00", "2026-11-01T09:05:00Z")]
    [InlineData(FieldDataType.DateTime, ApiValueKind.String, "2026-11-01T10:05:00", "2026-11-01T10:05:00Z")]
    [InlineData(FieldDataType.Email, ApiValueKind.String, "ada@example.com", "ada@example.com")]
    [InlineData(FieldDataType.Phone, ApiValueKind.String, "+1 (555) 010-0000", "+1 (555) 010-0000")]
    [InlineData(FieldDataType.Link, ApiValueKind.String, "https://example.com/x?y=1", "https://example.com/x?y=1")]
    public void Valid_values_are_stored_in_canonical_form(FieldDataType type, ApiValueKind kind, string text, string canonical)
    {
        var reason = FieldValueParser.TryParse(Field(type), new ApiValue(kind, text), out var value);

        Assert.Null(reason);
        Assert.Equal(canonical, value.Text);
    }

    [Theory]
    [InlineData(FieldDataType.Integer, ApiValueKind.Number, "1.5")]
    [InlineData(FieldDataType.Integer, ApiValueKind.True, "true")]
    [InlineData(FieldDataType.Float, ApiValueKind.String, "NaN")]
    [InlineData(FieldDataType.Boolean, ApiValueKind.Number, "1")]
    [InlineData(FieldDataType.Date, ApiValueKind.String, "2026-02-30")]
    [InlineData(FieldDataType.DateTime, ApiValueKind.String, "now")]
    [InlineData(FieldDataType.Email, ApiValueKind.String, "a@b")]
    [InlineData(FieldDataType.Email, ApiValueKind.String, "two@@example.com")]
    [InlineData(FieldDataType.Phone, ApiValueKind.String, "12")]
    [InlineData(FieldDataType.Link, ApiValueKind.String, "javascript:alert(1)")]
    [InlineData(FieldDataType.String, ApiValueKind.Structured, null)]
    public void Values_that_do_not_fit_the_type_get_1001(FieldDataType type, ApiValueKind kind, string? text)
    {
        var reason = FieldValueParser.TryParse(Field(type), new ApiValue(kind, text), out _);

        Assert.Equal(RecordCodes.WrongType, reason?.Code);
    }

    [Fact]
    public void Strings_longer_than_255_and_texts_longer_than_65535_get_1003()
    {
        Assert.Equal(RecordCodes.InvalidData, FieldValueParser.TryParse(Field(FieldDataType.String), ApiValue.String(new string('x', 256)), out _)?.Code);
        Assert.Null(FieldValueParser.TryParse(Field(FieldDataType.Text), ApiValue.String(new string('x', 65_535)), out _));
        Assert.Equal(RecordCodes.InvalidData, FieldValueParser.TryParse(Field(FieldDataType.Text), ApiValue.String(new string('x', 65_536)), out _)?.Code);
    }
}
