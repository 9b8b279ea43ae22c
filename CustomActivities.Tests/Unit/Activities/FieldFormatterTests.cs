using System.Globalization;
using CustomActivities.Core.Activities;
using CustomActivities.Core.ActivityTypes;

namespace CustomActivities.Tests.Unit.Activities;

public sealed class FieldFormatterTests
{
    [Theory]
    [InlineData("true", true)]
    [InlineData("False", false)]
    [InlineData("1", true)]
    [InlineData("0", false)]
    [InlineData("yes", null)]
    [InlineData(null, null)]
    public void Booleans_are_read_as_stored_or_as_marketo_clients_send_them(string? stored, bool? expected) =>
        Assert.Equal(expected, FieldFormatter.AsBoolean(stored));

    [Theory]
    [InlineData(FieldDataType.Integer, "1234", "1234")]
    [InlineData(FieldDataType.Float, "2.50", "2.5")]
    [InlineData(FieldDataType.Currency, "1059.50", "1059.50")]
    [InlineData(FieldDataType.Boolean, "1", "true")]
    [InlineData(FieldDataType.Boolean, "False", "false")]
    [InlineData(FieldDataType.Date, "2026-05-03", "2026-05-03")]
    [InlineData(FieldDataType.Date, "2026-05-03T00:00:00Z", "2026-05-03")]
    [InlineData(FieldDataType.DateTime, "2026-05-01T10:00:00+02:00", "2026-05-01T08:00:00.000Z")]
    [InlineData(FieldDataType.Integer, "many", "many")]
    [InlineData(FieldDataType.Text, "two\nlines", "two\nlines")]
    [InlineData(FieldDataType.String, null, null)]
    public void Invariant_values_read_the_same_in_every_language(FieldDataType type, string? stored, string? expected)
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("fr");
        try
        {
            Assert.Equal(expected, FieldFormatter.Invariant(new TimelineField("x", "X", type, false, stored)));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void A_currency_amount_shows_with_the_given_symbol_in_the_readers_culture()
    {
        var words = new BooleanWords("yes", "no");

        Assert.Equal("$1,059.50", FieldFormatter.Format(FieldDataType.Currency, "1059.5", new CultureInfo("en"), TimeZoneInfo.Utc, words, "$"));
        Assert.Matches(@"^1\s059,50\s€$", FieldFormatter.Format(FieldDataType.Currency, "1059.5", new CultureInfo("fr"), TimeZoneInfo.Utc, words, "€"));
        Assert.Equal("1,059.50", FieldFormatter.Format(FieldDataType.Currency, "1059.5", new CultureInfo("en"), TimeZoneInfo.Utc, words));
    }
}
