using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.Playwright;

namespace CustomActivities.Benchmarks;

/// <summary>
/// What a page downloads on a first visit (empty browser cache): every request, the transferred and decoded size of its
/// style sheets and scripts (Resource Timing), whether they came compressed (Content-Encoding) and fingerprinted (the
/// address carries a content hash, so MapStaticAssets sends them as immutable), and what the server sends to a client
/// that asks for Brotli (Chromium asks for it only over HTTPS) or gzip.
/// </summary>
public static class AssetReport
{
    public static async Task PrintAsync(IBrowser browser, IBrowserContext signedIn, string baseAddress, string path, Func<IPage, Task> waitUntilLoaded)
    {
        // A new context has an empty cache; the signed-in context's cookies come along.
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress,
            StorageState = await signedIn.StorageStateAsync(),
            TimezoneId = "Europe/Paris",
            Locale = "en-US",
        });
        var page = await context.NewPageAsync();
        var document = await page.GotoAsync(path);
        await waitUntilLoaded(page);
        var load = await PageLoadProbe.ReadAsync(page);
        // The headers the network stack really sent (Chromium asks for Brotli only over HTTPS).
        var sent = document is null ? null : await document.Request.AllHeadersAsync();

        Console.WriteLine($"Requests of a first visit to /{path} (empty cache; Chromium's Accept-Encoding: " +
            $"{sent?.GetValueOrDefault("accept-encoding") ?? "?"}):");
        var rows = new List<string[]>();
        using var client = new HttpClient(new HttpClientHandler { AutomaticDecompression = System.Net.DecompressionMethods.None });
        foreach (var resource in load.Resources.Where(r => !r.Url.Contains("_blazor", StringComparison.Ordinal)))
        {
            // The server's headers for the same address and Accept-Encoding (Playwright's copies of the headers of
            // responses Chromium cached were not reliable).
            using var request = new HttpRequestMessage(HttpMethod.Get, resource.Url);
            request.Headers.TryAddWithoutValidation("Accept-Encoding", sent?.GetValueOrDefault("accept-encoding") ?? "gzip");
            using var served = await client.SendAsync(request);
            var encoding = string.Join(",", served.Content.Headers.ContentEncoding);
            var cacheControl = served.Headers.CacheControl?.ToString() ?? "-";
            // MapStaticAssets marks only fingerprinted addresses immutable (the others are revalidated with their ETag).
            rows.Add([
                Shorten(resource.Url, baseAddress), resource.InitiatorType, Kb(resource.TransferSize), Kb(resource.EncodedBodySize),
                Kb(resource.DecodedBodySize), encoding.Length == 0 ? "none" : encoding,
                cacheControl.Contains("immutable", StringComparison.OrdinalIgnoreCase) ? "yes" : "NO", cacheControl,
            ]);
        }
        var css = load.Resources.Where(r => Extension(r.Url) == ".css").DistinctBy(r => r.Url).ToList();
        var js = load.Resources.Where(r => Extension(r.Url) == ".js").DistinctBy(r => r.Url).ToList();
        rows.Add(["total style sheets", "", Kb(css.Sum(r => r.TransferSize)), Kb(css.Sum(r => r.EncodedBodySize)), Kb(css.Sum(r => r.DecodedBodySize)), "", "", ""]);
        rows.Add(["total scripts", "", Kb(js.Sum(r => r.TransferSize)), Kb(js.Sum(r => r.EncodedBodySize)), Kb(js.Sum(r => r.DecodedBodySize)), "", "", ""]);
        Table.Print(["resource", "by", "transferred KB", "encoded KB", "decoded KB", "Content-Encoding", "fingerprinted", "Cache-Control"], rows);
        Console.WriteLine();

        await PrintServerEncodingsAsync(baseAddress, css.Concat(js).Select(r => r.Url));
    }

    /// <summary>The same addresses fetched without a browser, asking for Brotli, then gzip, then nothing.</summary>
    private static async Task PrintServerEncodingsAsync(string baseAddress, IEnumerable<string> urls)
    {
        using var client = new HttpClient(new HttpClientHandler { AutomaticDecompression = System.Net.DecompressionMethods.None });
        var rows = new List<string[]>();
        foreach (var url in urls.Distinct())
        {
            var row = new List<string> { Shorten(url, baseAddress) };
            foreach (var encoding in new[] { "br", "gzip", "identity" })
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
                using var response = await client.SendAsync(request);
                var body = await response.Content.ReadAsByteArrayAsync();
                var served = string.Join(",", response.Content.Headers.ContentEncoding);
                row.Add($"{(served.Length == 0 ? "none" : served)} {Kb(body.Length)} KB");
            }
            rows.Add([.. row]);
        }
        Console.WriteLine("The same files asked for by a client with one Accept-Encoding (what the server sends, body size):");
        Table.Print(["resource", "Accept-Encoding: br", "gzip", "identity"], rows);
    }

    private static string Extension(string url) => Path.GetExtension(new Uri(url).AbsolutePath).ToLowerInvariant();

    private static string Shorten(string url, string baseAddress) => url.StartsWith(baseAddress, StringComparison.Ordinal) ? url[baseAddress.Length..] : url;

    private static string Kb(long bytes) => (bytes / 1024.0).ToString("N1", CultureInfo.InvariantCulture);
}
