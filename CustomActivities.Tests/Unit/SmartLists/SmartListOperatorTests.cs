using CustomActivities.Core.SmartLists;

namespace CustomActivities.Tests.Unit.SmartLists;

/// <summary>Every operator of every data type, on the fixture's known values (see <see cref="SmartListFixture"/>).</summary>
public sealed class SmartListOperatorTests(SmartListFixture fixture) : IClassFixture<SmartListFixture>
{
    [Theory]
    // string (primary field): case-insensitive, several values mean any of them, a missing value is empty.
    [InlineData("webinarName", ConstraintOperator.Is, new[] { "intro to RUST" }, "ann")]
    [InlineData("webinarName", ConstraintOperator.Is, new[] { "Cooking 101", "Intro to Rust" }, "ann,cat")]
    [InlineData("webinarName", ConstraintOperator.IsNot, new[] { "Cooking 101" }, "ann,bob,dan")]
    [InlineData("webinarName", ConstraintOperator.Contains, new[] { "rust" }, "ann,bob")]
    [InlineData("webinarName", ConstraintOperator.StartsWith, new[] { "adv", "cook" }, "bob,cat")]
    [InlineData("webinarName", ConstraintOperator.EndsWith, new[] { "101" }, "cat")]
    [InlineData("webinarName", ConstraintOperator.IsEmpty, new string[0], "dan")]
    [InlineData("webinarName", ConstraintOperator.IsNotEmpty, new string[0], "ann,bob,cat")]
    // text: LIKE wildcards in a value are literal characters.
    [InlineData("notes", ConstraintOperator.Contains, new[] { "%" }, "cat")]
    [InlineData("notes", ConstraintOperator.Contains, new[] { "_" }, "cat")]
    [InlineData("notes", ConstraintOperator.IsEmpty, new string[0], "bob,dan")]
    // email
    [InlineData("contact", ConstraintOperator.EndsWith, new[] { ".ORG" }, "bob")]
    // integer: a missing number matches no comparison.
    [InlineData("seats", ConstraintOperator.Equal, new[] { "10" }, "ann")]
    [InlineData("seats", ConstraintOperator.NotEqual, new[] { "10" }, "bob,cat")]
    [InlineData("seats", ConstraintOperator.Less, new[] { "10" }, "cat")]
    [InlineData("seats", ConstraintOperator.LessOrEqual, new[] { "10" }, "ann,cat")]
    [InlineData("seats", ConstraintOperator.Greater, new[] { "10" }, "bob")]
    [InlineData("seats", ConstraintOperator.GreaterOrEqual, new[] { "10" }, "ann,bob")]
    [InlineData("seats", ConstraintOperator.Between, new[] { "5", "10" }, "ann,cat")]
    // currency and float
    [InlineData("price", ConstraintOperator.Greater, new[] { "19.98" }, "ann,bob")]
    [InlineData("price", ConstraintOperator.Between, new[] { "0", "20" }, "ann,cat")]
    [InlineData("score", ConstraintOperator.Less, new[] { "0" }, "bob")]
    [InlineData("score", ConstraintOperator.Equal, new[] { "1.5" }, "ann")]
    // boolean
    [InlineData("vip", ConstraintOperator.IsTrue, new string[0], "ann")]
    [InlineData("vip", ConstraintOperator.IsFalse, new string[0], "bob,cat")]
    // date (today is 2026-11-01)
    [InlineData("startDate", ConstraintOperator.Before, new[] { "2026-10-15" }, "ann")]
    [InlineData("startDate", ConstraintOperator.After, new[] { "2026-10-15" }, "cat")]
    [InlineData("startDate", ConstraintOperator.On, new[] { "2026-10-15" }, "bob")]
    [InlineData("startDate", ConstraintOperator.Between, new[] { "2026-10-01", "2026-10-15" }, "ann,bob")]
    [InlineData("startDate", ConstraintOperator.InPastDays, new[] { "7" }, "cat")]
    // datetime, in UTC
    [InlineData("startedAt", ConstraintOperator.On, new[] { "2026-10-01" }, "ann")]
    [InlineData("startedAt", ConstraintOperator.Before, new[] { "2026-10-15" }, "ann")]
    [InlineData("startedAt", ConstraintOperator.After, new[] { "2026-10-15" }, "cat")]
    [InlineData("startedAt", ConstraintOperator.Between, new[] { "2026-10-15", "2026-10-31" }, "bob,cat")]
    [InlineData("startedAt", ConstraintOperator.InPastDays, new[] { "7" }, "cat")]
    public async Task Each_operator_finds_the_people_whose_activity_matches(string field, ConstraintOperator op, string[] values, string expected)
    {
        var query = new SmartListQuery([SmartListFilter.Activity(fixture.Webinar, FieldConstraint.Of(field, op, values))]);

        Assert.Equal(expected.Split(','), await fixture.MembersAsync(query));
    }

    [Theory]
    [InlineData("UTC", "2026-10-01", "ann")]
    [InlineData("UTC", "2026-10-02", "")]
    [InlineData("Europe/Paris", "2026-10-02", "ann")]
    [InlineData("America/New_York", "2026-10-14", "")]
    [InlineData("America/New_York", "2026-10-15", "bob")]
    [InlineData("Pacific/Kiritimati", "2026-10-15", "bob")]
    public async Task A_datetime_on_a_date_means_that_day_in_the_marketers_time_zone(string zone, string date, string expected)
    {
        var query = new SmartListQuery([SmartListFilter.Activity(fixture.Webinar, FieldConstraint.Of("startedAt", ConstraintOperator.On, date))]);

        Assert.Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries), await fixture.MembersAsync(query, TimeZoneInfo.FindSystemTimeZoneById(zone)));
    }

    [Theory]
    [InlineData(ConstraintOperator.IsTrue, "ann")]
    [InlineData(ConstraintOperator.IsFalse, "bob")]
    public async Task A_boolean_primary_field_matches_its_stored_text(ConstraintOperator op, string expected)
    {
        var query = new SmartListQuery([SmartListFilter.Activity(fixture.Consent, FieldConstraint.Of("consented", op))]);

        Assert.Equal([expected], await fixture.MembersAsync(query));
    }

    [Theory]
    [InlineData(PersonAttributes.Email, ConstraintOperator.StartsWith, new[] { "B" }, "bob")]
    [InlineData(PersonAttributes.EmailDomain, ConstraintOperator.Is, new[] { "x.com" }, "ann,cat")]
    [InlineData(PersonAttributes.EmailDomain, ConstraintOperator.IsNot, new[] { "x.com", "y.org" }, "dan,eve")]
    [InlineData(PersonAttributes.FirstName, ConstraintOperator.Is, new[] { "eve" }, "eve")]
    [InlineData(PersonAttributes.LastName, ConstraintOperator.EndsWith, new[] { "er" }, "ann,bob")]
    [InlineData(PersonAttributes.Company, ConstraintOperator.IsEmpty, new string[0], "dan")]
    [InlineData(PersonAttributes.Company, ConstraintOperator.Contains, new[] { "me" }, "ann,cat")]
    [InlineData(PersonAttributes.CreatedAt, ConstraintOperator.On, new[] { "2026-11-01" }, "ann,bob,cat,dan,eve")]
    [InlineData(PersonAttributes.CreatedAt, ConstraintOperator.Before, new[] { "2026-11-01" }, "")]
    [InlineData(PersonAttributes.CreatedAt, ConstraintOperator.InPastDays, new[] { "1" }, "ann,bob,cat,dan,eve")]
    public async Task Person_attribute_filters(string attribute, ConstraintOperator op, string[] values, string expected)
    {
        var query = new SmartListQuery([SmartListFilter.Attribute(attribute, op, values)]);

        Assert.Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries), await fixture.MembersAsync(query));
    }
}
