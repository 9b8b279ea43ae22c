using System.Text.Json;
using Microsoft.Playwright;

namespace CustomActivities.Benchmarks;

/// <summary>One page load as the page itself saw it, in ms since its navigation started (Navigation/Resource Timing).</summary>
public sealed record PageLoad(
    double ResponseStart,
    double ResponseEnd,
    double DomContentLoaded,
    double? FirstContentfulPaint,
    double? Ready,
    double? Interactive,
    IReadOnlyList<SocketTiming> Sockets,
    IReadOnlyList<ScriptExecution> Scripts,
    IReadOnlyList<LoadedResource> Resources)
{
    public LoadedResource? Resource(string nameContains) =>
        Resources.FirstOrDefault(r => r.Url.Contains(nameContains, StringComparison.OrdinalIgnoreCase));

    /// <summary>The script file whose name starts with the prefix (fingerprinted or not).</summary>
    public LoadedResource? ScriptResource(string filePrefix) => Resources.FirstOrDefault(r => IsScript(r.Url, filePrefix));

    /// <summary>When the parser-inserted script whose file name starts with the prefix had run (its load event).</summary>
    public double? Executed(string filePrefix) => Scripts.FirstOrDefault(s => IsScript(s.Url, filePrefix))?.Executed;

    private static bool IsScript(string url, string filePrefix)
    {
        var name = Path.GetFileName(new Uri(url).AbsolutePath);
        return name.StartsWith(filePrefix, StringComparison.OrdinalIgnoreCase) && name.EndsWith(".js", StringComparison.OrdinalIgnoreCase);
    }

    public SocketTiming? CircuitSocket => Sockets.FirstOrDefault(s => s.Url.Contains("_blazor", StringComparison.OrdinalIgnoreCase));
}

public sealed record SocketTiming(string Url, double Created, double? Open, double? FirstMessage);

public sealed record ScriptExecution(string Url, double Executed);

public sealed record LoadedResource(string Url, string InitiatorType, double StartTime, double ResponseStart, double ResponseEnd,
    long TransferSize, long EncodedBodySize, long DecodedBodySize);

/// <summary>
/// A script installed in every page before its own scripts run: it records when a condition first holds in the DOM
/// (a MutationObserver), when each script element has run (its load event, seen by the document in the capture phase), when the circuit's
/// WebSocket is created, opens and gets its first message (a thin wrapper around WebSocket, which Resource Timing does not
/// list), and when MainLayout marks the page interactive (a setter on <c>window.customActivities.interactive</c>).
/// </summary>
public static class PageLoadProbe
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Task InstallAsync(IBrowserContext context, string readyCondition) =>
        context.AddInitScriptAsync($$"""
            (() => {
              const marks = window.__bench = { sockets: [], scripts: [] };
              const ready = () => { try { return {{readyCondition}}; } catch { return false; } };
              const observer = new MutationObserver(() => {
                if (marks.ready === undefined && ready()) { marks.ready = performance.now(); observer.disconnect(); }
              });
              observer.observe(document, { childList: true, subtree: true });
              // Element load events do not reach window; the document sees them in its capture phase.
              document.addEventListener('load', e => {
                if (e.target && e.target.tagName === 'SCRIPT' && e.target.src) marks.scripts.push({ url: e.target.src, executed: performance.now() });
              }, true);
              let app;
              Object.defineProperty(window, 'customActivities', {
                configurable: true,
                get() { return app; },
                set(value) {
                  let interactive = value && value.interactive;
                  if (value) Object.defineProperty(value, 'interactive', {
                    configurable: true, enumerable: true,
                    get() { return interactive; },
                    set(now) { interactive = now; if (now === true && marks.interactive === undefined) marks.interactive = performance.now(); },
                  });
                  app = value;
                },
              });
              const NativeSocket = window.WebSocket;
              function ProbedSocket(url, protocols) {
                const socket = protocols === undefined ? new NativeSocket(url) : new NativeSocket(url, protocols);
                const entry = { url: String(url), created: performance.now() };
                marks.sockets.push(entry);
                socket.addEventListener('open', () => { entry.open = performance.now(); });
                socket.addEventListener('message', () => { if (entry.firstMessage === undefined) entry.firstMessage = performance.now(); });
                return socket;
              }
              ProbedSocket.prototype = NativeSocket.prototype;
              for (const name of ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED']) ProbedSocket[name] = NativeSocket[name];
              window.WebSocket = ProbedSocket;
            })();
            """);

    public static async Task<PageLoad> ReadAsync(IPage page)
    {
        var json = await page.EvaluateAsync<string>("""
            () => {
              const nav = performance.getEntriesByType('navigation')[0];
              const marks = window.__bench || { sockets: [], scripts: [] };
              return JSON.stringify({
                responseStart: nav.responseStart, responseEnd: nav.responseEnd, domContentLoaded: nav.domContentLoadedEventEnd,
                firstContentfulPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
                ready: marks.ready ?? null, interactive: marks.interactive ?? null,
                sockets: marks.sockets.map(s => ({ url: s.url, created: s.created, open: s.open ?? null, firstMessage: s.firstMessage ?? null })),
                scripts: marks.scripts,
                resources: performance.getEntriesByType('resource').map(r => ({
                  url: r.name, initiatorType: r.initiatorType, startTime: r.startTime, responseStart: r.responseStart, responseEnd: r.responseEnd,
                  transferSize: r.transferSize, encodedBodySize: r.encodedBodySize, decodedBodySize: r.decodedBodySize })),
              });
            }
            """);
        return JsonSerializer.Deserialize<PageLoad>(json, Json)!;
    }
}
