using System.Net;
using CustomActivities.Core.ActivityTypes;
using CustomActivities.Tests.Builders;
using CustomActivities.Tests.Support;

namespace CustomActivities.Tests.Integration.People;

public sealed class TimelineCsvEndpointTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_csv_export_needs_a_signed_in_user_and_streams_the_filtered_rows_newest_first()
    {
        await using var app = new AppFactory();
        var anonymous = app.CreateNoRedirectClient();
        var signedIn = await app.SignedInClientAsync();
        await using var data = FixtureData.Open(app.Database);
        var person = await data.AddPersonAsync(A.Person.Build());
        var type = await data.AddTypeAsync(A.ActivityType.Named("purchase", "Purchase").WithField("total", FieldDataType.Currency, "Total").Build());
        var other = await data.AddTypeAsync(A.ActivityType.Named("visit", "Visit").Build());
        var day = new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);
        await data.WriteAsync([.. Enumerable.Range(0, 1200).Select(i => An.Activity(person.Id, i % 2 == 0 ? type.Id : other.Id)
            .At(day.AddMinutes(i)).Primary($"p{i}, \"quoted\"").With("total", i).Build())]);

        var refused = await anonymous.GetAsync($"people/{person.Id}/timeline.csv", Ct);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/Account/Login", refused.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await signedIn.GetAsync("people/999999/timeline.csv", Ct)).StatusCode);

        var response = await signedIn.GetAsync($"people/{person.Id}/timeline.csv?types={type.Id}&tz=Europe/Paris", Ct);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync(Ct)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(601, lines.Length);
        Assert.Equal("occurredAtUtc,occurredAtLocal,activityType,typeVersion,primaryField,primaryValue,activityId,total", lines[0]);
        Assert.StartsWith("2026-05-02T03:58:00.000Z,2026-05-02 05:58:00,Purchase,1,Webinar name,\"p1198, \"\"quoted\"\"\",", lines[1]);
        Assert.EndsWith(",1198", lines[1]);
        Assert.StartsWith("2026-05-01T08:00:00.000Z,", lines[^1]);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("de")]
    [InlineData("fr")]
    public async Task Each_secondary_field_has_its_own_column_named_by_its_api_name_with_values_in_an_invariant_form(string culture)
    {
        await using var app = new AppFactory();
        var signedIn = await app.SignedInClientAsync();
        // The viewer's language changes nothing in the file: other programs read it.
        await signedIn.GetAsync($"/Culture/Set?culture={culture}&redirectUri=/", Ct);
        await using var data = FixtureData.Open(app.Database);
        var person = await data.AddPersonAsync(A.Person.Build());
        var order = await data.AddTypeAsync(A.ActivityType.Named("orderPlaced", "Order placed")
            .WithPrimary("number", FieldDataType.String, "Order number")
            .WithField("quantity", FieldDataType.Integer, "Quantity")
            .WithField("weight", FieldDataType.Float, "Weight")
            .WithField("total", FieldDataType.Currency, "Total")
            .WithField("gift", FieldDataType.Boolean, "Gift")
            .WithField("deliverOn", FieldDataType.Date, "Deliver on")
            .WithField("paidAt", FieldDataType.DateTime, "Paid at")
            .WithField("note", FieldDataType.Text, "Note")
            .Build());
        var visit = await data.AddTypeAsync(A.ActivityType.Named("visit", "Visit").WithField("page", FieldDataType.String, "Page").Build());
        var day = new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);
        await data.WriteAsync([
            An.Activity(person.Id, order.Id).At(day).Primary("ORD-1")
                .With("quantity", 1234).With("weight", -2.5).With("total", 1059.5m).With("gift", "1")
                .With("deliverOn", "2026-05-03").With("paidAt", "2026-05-01T10:00:00+02:00").With("note", "Leave at the door,\nthank you").Build(),
            An.Activity(person.Id, visit.Id).At(day.AddMinutes(1)).Primary("home").With("page", "-1+2").Build(),
        ]);

        var csv = await signedIn.GetStringAsync($"people/{person.Id}/timeline.csv?tz=Europe/Paris", Ct);
        using var reader = new CsvHelper.CsvReader(new StringReader(csv), System.Globalization.CultureInfo.InvariantCulture);
        var rows = new List<Dictionary<string, string>>();
        await reader.ReadAsync();
        reader.ReadHeader();
        var header = reader.HeaderRecord!;
        while (await reader.ReadAsync())
        {
            rows.Add(header.ToDictionary(h => h, h => reader.GetField(h)!));
        }

        // The fields of both types, each once, in type and field order; "details" is gone.
        Assert.Equal(["occurredAtUtc", "occurredAtLocal", "activityType", "typeVersion", "primaryField", "primaryValue", "activityId",
            "quantity", "weight", "total", "gift", "deliverOn", "paidAt", "note", "page"], header);
        var (visitRow, orderRow) = (rows[0], rows[1]);
        Assert.Equal("'-1+2", visitRow["page"]);
        Assert.Equal("", visitRow["total"]);
        Assert.Equal("1234", orderRow["quantity"]);
        // A negative number stays a number: only text is guarded against formulas.
        Assert.Equal("-2.5", orderRow["weight"]);
        Assert.Equal("1059.5", orderRow["total"]);
        Assert.Equal("true", orderRow["gift"]);
        Assert.Equal("2026-05-03", orderRow["deliverOn"]);
        Assert.Equal("2026-05-01T08:00:00.000Z", orderRow["paidAt"]);
        Assert.Equal("Leave at the door,\nthank you", orderRow["note"]);
        Assert.Equal("", orderRow["page"]);
    }

    [Fact]
    public async Task Values_that_a_spreadsheet_would_run_as_formulas_are_exported_as_text()
    {
        await using var app = new AppFactory();
        var signedIn = await app.SignedInClientAsync();
        await using var data = FixtureData.Open(app.Database);
        var person = await data.AddPersonAsync(A.Person.Build());
        var type = await data.AddTypeAsync(A.ActivityType.Named("note", "Note").Build());
        var day = new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);
        string[] hostile = ["=HYPERLINK(\"http://evil.example\")", "+1+2", "-3+4", "@SUM(A1)"];
        await data.WriteAsync([.. hostile.Select((value, i) => An.Activity(person.Id, type.Id).At(day.AddMinutes(i)).Primary(value).Build())]);

        var csv = await signedIn.GetStringAsync($"people/{person.Id}/timeline.csv", Ct);
        var primaryValues = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(line => line.Split(',')[5].Trim('"')).ToArray();

        Assert.All(primaryValues, value => Assert.StartsWith("'", value, StringComparison.Ordinal));
        Assert.Equal(["'@SUM(A1)", "'-3+4", "'+1+2"], primaryValues[..3]);
    }
}
