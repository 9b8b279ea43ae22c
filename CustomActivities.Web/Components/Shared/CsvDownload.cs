using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace CustomActivities.Web.Components.Shared;

/// <summary>
/// A CSV file streamed to the browser as its rows are read: headers for a download, the header row, then a flush every
/// few hundred rows so nothing buffers the whole export. Dispose it to send the rest.
/// </summary>
public sealed class CsvDownload : IAsyncDisposable
{
    private const int RowsPerFlush = 500;

    private readonly StreamWriter writer;
    private readonly CancellationToken cancellationToken;
    private int rows;

    private CsvDownload(HttpResponse response, CancellationToken cancellationToken)
    {
        this.cancellationToken = cancellationToken;
        writer = new StreamWriter(response.Body, leaveOpen: true);
        // Formula injection is handled per cell (CsvText.AsText): a number such as -5 must stay a number.
        Csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.None });
    }

    /// <summary>Where the current row's cells are written; end each row with <see cref="EndRowAsync"/>.</summary>
    public CsvWriter Csv { get; }

    public static async Task<CsvDownload> StartAsync(HttpResponse response, string fileName, IEnumerable<string> columns, CancellationToken cancellationToken)
    {
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        response.Headers.CacheControl = "no-store";
        var download = new CsvDownload(response, cancellationToken);
        foreach (var column in columns)
        {
            download.Csv.WriteField(column);
        }
        await download.Csv.NextRecordAsync();
        return download;
    }

    /// <summary>The time zone a download's <c>tz</c> parameter names, or UTC when it names none this machine knows.</summary>
    public static TimeZoneInfo ZoneOf(string? tz) =>
        tz is not null && TimeZoneInfo.TryFindSystemTimeZoneById(tz, out var zone) ? zone : TimeZoneInfo.Utc;

    public async Task EndRowAsync()
    {
        await Csv.NextRecordAsync();
        if (++rows % RowsPerFlush == 0)
        {
            await FlushAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await FlushAsync();
        await Csv.DisposeAsync();
        await writer.DisposeAsync();
    }

    private async Task FlushAsync()
    {
        await Csv.FlushAsync();
        await writer.FlushAsync(cancellationToken);
    }
}
