using System.Globalization;
using CustomActivities.Core.SmartLists;
using CustomActivities.Web.Components.Shared;
using static CustomActivities.Web.Components.Shared.CsvText;

namespace CustomActivities.Web.Components.Pages.SmartLists;

/// <summary>
/// GET /smart-lists/{id}/members.csv?tz=Europe/Paris: the saved list's members, evaluated now in the viewer's time zone,
/// written row by row as SQLite returns them (nothing buffers the whole result). Signed-in users only.
/// </summary>
public static class SmartListCsvEndpoint
{
    private static readonly string[] Columns = ["id", "email", "firstName", "lastName", "company", "createdAtUtc", "lastActivityAtUtc"];

    public static IEndpointRouteBuilder MapSmartListCsv(this IEndpointRouteBuilder app)
    {
        app.MapGet("/smart-lists/{id:int}/members.csv", WriteAsync).RequireAuthorization();
        return app;
    }

    private static async Task WriteAsync(int id, HttpContext http, SmartListService smartLists, SmartListEvaluator evaluator, string? tz)
    {
        var cancellationToken = http.RequestAborted;
        var saved = await smartLists.FindAsync(id, cancellationToken);
        if (saved is null)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        var zone = CsvDownload.ZoneOf(tz);
        var count = await evaluator.CountAsync(saved.Query, zone, cancellationToken);
        if (saved.Problems.Count > 0 || !count.Succeeded)
        {
            http.Response.StatusCode = StatusCodes.Status409Conflict;
            await http.Response.WriteAsync(string.Join("\n", saved.Problems.Concat(count.Problems).Select(p => p.Message)), cancellationToken);
            return;
        }
        await using var download = await CsvDownload.StartAsync(http.Response, $"smart-list-{id}.csv", Columns, cancellationToken);
        var csv = download.Csv;
        await foreach (var person in evaluator.StreamAsync(saved.Query, zone, cancellationToken))
        {
            csv.WriteField(person.Id);
            csv.WriteField(AsText(person.Email));
            csv.WriteField(AsText(person.FirstName));
            csv.WriteField(AsText(person.LastName));
            csv.WriteField(AsText(person.Company));
            csv.WriteField(person.CreatedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
            csv.WriteField(person.LastActivityAt?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
            await download.EndRowAsync();
        }
    }
}
