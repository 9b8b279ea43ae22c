using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace CustomActivities.Web;

/// <summary>
/// Headers every answer carries (pages, API, static files, errors): a Content-Security-Policy, nosniff, a referrer
/// policy and no framing; HSTS over HTTPS outside Development; no Server header (see <see cref="AddSecurityHeaders"/>).
/// </summary>
public static partial class SecurityHeaders
{
    public const string NonceItem = "CustomActivities.CspNonce";

    /// <summary>
    /// Blazor Server and MudBlazor work without eval. Scripts: our own files, plus the one inline script of a page, the
    /// import map Blazor writes, which carries the request's nonce. Styles need 'unsafe-inline': MudBlazor renders style
    /// attributes (sizes, colours, popover positions) and Blazor's reconnect dialog adds a style element. The circuit's
    /// WebSocket is same-origin ('self'). Images and fonts may be data: URLs (MudBlazor's icons and the favicon are SVG).
    /// </summary>
    public static string PagePolicy(string nonce) =>
        $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The API reference (Scalar) starts itself from one inline module script that the package writes: it is allowed
    /// by its SHA-256 (computed from the answer, so it follows package updates), never by 'unsafe-inline'. Scalar styles
    /// itself with inline styles, and its "try it" client calls this same origin.
    /// </summary>
    public static string ReferencePolicy(IEnumerable<string> scriptHashes) =>
        $"default-src 'self'; script-src 'self' {string.Join(' ', scriptHashes.Select(h => $"'sha256-{h}'"))}; style-src 'self' 'unsafe-inline'; "
        + "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; "
        + "form-action 'self'; frame-ancestors 'none'";

    public static WebApplicationBuilder AddSecurityHeaders(this WebApplicationBuilder builder)
    {
        // "Server: Kestrel" tells an attacker what to try; nothing needs it.
        builder.WebHost.ConfigureKestrel(options => options.AddServerHeader = false);
        builder.Services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = false;
        });
        return builder;
    }

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            // Only over HTTPS (the middleware skips plain HTTP and localhost), so a plain-HTTP install keeps working.
            app.UseHsts();
        }
        // Cookies the app sets itself (language) are Secure when the request came over HTTPS, as the framework's are.
        app.UseCookiePolicy(new CookiePolicyOptions { Secure = CookieSecurePolicy.SameAsRequest });
        app.Use(async (context, next) =>
        {
            // base64url: '+' and '/' would reach the page HTML-encoded (still matched by browsers, but not the same text).
            var nonce = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceItem] = nonce;
            var reference = IsReference(context.Request.Path);
            // When the answer starts, not now: the error handler clears the headers of a failed request before its page.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "same-origin";
                headers.XFrameOptions = "DENY";
                // Replaces the frame-ancestors-only policy Blazor's interactive render mode sets on its pages.
                if (!reference)
                {
                    headers.ContentSecurityPolicy = PagePolicy(nonce);
                }
                return Task.CompletedTask;
            });
            if (reference)
            {
                await WriteReferenceAsync(context, next);
                return;
            }
            await next(context);
        });
        return app;
    }

    /// <summary>The nonce of this request's page policy (for the import map's inline script).</summary>
    public static string? Nonce(HttpContext? context) => context?.Items[NonceItem] as string;

    private static bool IsReference(PathString path) =>
        path.StartsWithSegments(Api.MarketoOpenApi.DocsPath, out var rest) && (!rest.HasValue || rest == "/" || rest.Value!.EndsWith(".html", StringComparison.Ordinal));

    private static async Task WriteReferenceAsync(HttpContext context, RequestDelegate next)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }
        var html = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        var hashes = InlineScript().Matches(html)
            .Select(m => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(m.Groups[1].Value))));
        context.Response.Headers.ContentSecurityPolicy = ReferencePolicy(hashes);
        context.Response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    [GeneratedRegex(@"<script(?![^>]*\ssrc=)[^>]*>(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex InlineScript();
}
