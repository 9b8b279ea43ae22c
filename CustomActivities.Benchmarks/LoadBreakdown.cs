using System.Globalization;

namespace CustomActivities.Benchmarks;

/// <summary>Where the time of a navigation to an interactive page goes, over many loads of the same page.</summary>
public sealed class LoadBreakdown(IReadOnlyList<PageLoad> loads, string readyLabel)
{
    // Parser-blocking scripts at the end of App.razor's body, in their order there.
    private static readonly string[] Scripts = ["blazor.web.", "MudBlazor.min.", "app."];

    /// <summary>Moments since the navigation started, as the page's own clock saw them.</summary>
    public void PrintMoments()
    {
        var rows = new List<string[]>
        {
            Row("first byte of the HTML (TTFB)", l => l.ResponseStart),
            Row("HTML received", l => l.ResponseEnd),
            Row("style sheets in the HTML received (the last one)",
                l => Max(l.Resources.Where(r => IsStyleSheet(r.Url) && r.StartTime < l.DomContentLoaded).Select(r => r.ResponseEnd))),
        };
        foreach (var script in Scripts.Where(s => loads.Any(l => l.Executed(s) is not null)))
        {
            rows.Add(Row($"{Display(script)}: received", l => l.ScriptResource(script)?.ResponseEnd));
            rows.Add(Row($"{Display(script)}: has run", l => l.Executed(script)));
        }
        rows.Add(Row("DOMContentLoaded", l => l.DomContentLoaded));
        rows.Add(Row(readyLabel, l => l.Ready));
        rows.Add(Row("first contentful paint", l => l.FirstContentfulPaint));
        rows.Add(Row("_blazor/negotiate sent", l => l.Resource("_blazor/negotiate")?.StartTime));
        rows.Add(Row("_blazor/negotiate answered", l => l.Resource("_blazor/negotiate")?.ResponseEnd));
        rows.Add(Row("circuit WebSocket created", l => l.CircuitSocket?.Created));
        rows.Add(Row("circuit WebSocket open", l => l.CircuitSocket?.Open));
        rows.Add(Row("circuit WebSocket first message", l => l.CircuitSocket?.FirstMessage));
        rows.Add(Row("interactive (MainLayout's first interactive render)", l => l.Interactive));
        Table.Print(["moment, ms since the navigation started (in the page)", "p50", "p95"], rows);
    }

    /// <summary>The same load cut into consecutive stretches (each the difference of two moments, per load).</summary>
    public void PrintStretches()
    {
        var rows = new List<string[]>
        {
            Row("server: navigation start to first byte", l => l.ResponseStart),
            Row("HTML download (streamed body)", l => l.ResponseEnd - l.ResponseStart),
        };
        foreach (var script in Scripts.Where(s => loads.Any(l => l.Executed(s) is not null)))
        {
            rows.Add(Row($"{Display(script)}: download (request to last byte)", l => l.ScriptResource(script) is { } r ? r.ResponseEnd - r.StartTime : null));
            rows.Add(Row($"{Display(script)}: parse + run (last byte or previous script to load event)", l => RunTime(l, script)));
        }
        rows.Add(Row("HTML received to DOMContentLoaded", l => l.DomContentLoaded - l.ResponseEnd));
        rows.Add(Row("DOMContentLoaded to negotiate sent (Blazor boots)", l => l.Resource("_blazor/negotiate")?.StartTime - l.DomContentLoaded));
        rows.Add(Row("negotiate round trip", l => l.Resource("_blazor/negotiate") is { } r ? r.ResponseEnd - r.StartTime : null));
        rows.Add(Row("negotiate answered to WebSocket created", l => l.CircuitSocket?.Created - l.Resource("_blazor/negotiate")?.ResponseEnd));
        rows.Add(Row("WebSocket connect (created to open)", l => l.CircuitSocket?.Open - l.CircuitSocket?.Created));
        rows.Add(Row("circuit start + first interactive render (open to interactive)", l => l.Interactive - l.CircuitSocket?.Open));
        Table.Print(["stretch (ms)", "p50", "p95"], rows);
    }

    private static double? RunTime(PageLoad load, string script)
    {
        var executed = load.Executed(script);
        var received = load.ScriptResource(script)?.ResponseEnd;
        if (executed is null || received is null)
        {
            return null;
        }
        var index = Array.IndexOf(Scripts, script);
        var previous = Scripts.Take(index).Select(load.Executed).Where(e => e is not null).DefaultIfEmpty(null).Max();
        return executed - Math.Max(received.Value, previous ?? 0);
    }

    private string[] Row(string label, Func<PageLoad, double?> moment)
    {
        var values = loads.Select(moment).Where(v => v is not null).Select(v => v!.Value).ToList();
        return [label, Format(Figures.Median(values)), Format(Figures.Percentile(values, 95))];
    }

    private static string Format(double value) => double.IsNaN(value) ? "-" : value.ToString("0", CultureInfo.InvariantCulture);

    private static double? Max(IEnumerable<double> values) => values.Select(v => (double?)v).DefaultIfEmpty(null).Max();

    private static bool IsStyleSheet(string url) => new Uri(url).AbsolutePath.EndsWith(".css", StringComparison.OrdinalIgnoreCase);

    private static string Display(string script) => script + "js";
}
