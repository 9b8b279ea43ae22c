namespace CustomActivities.Web;

/// <summary>
/// Where a return address may send the browser: a path of this app, never another site. Sign-in, sign-out and the
/// language picker take it from the query or a form, so anything can arrive there (https://…, //host, /\host,
/// javascript:…); such values go to the home page instead of failing (a LocalRedirect with them throws).
/// </summary>
public static class LocalRedirect
{
    public const string Home = "/";

    /// <summary>The value as a path starting with a single '/', or <see cref="Home"/> when it names anything else.</summary>
    public static string PathOf(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return Home;
        }
        var path = url.Trim();
        if (path.StartsWith("~/", StringComparison.Ordinal))
        {
            path = path[1..];
        }
        // Browsers read '\' as '/', and a scheme (http:, javascript:, data:) leaves the app; on Linux "/x" also parses as
        // an absolute (file) URI, hence the leading '/' exception.
        if (path.Any(c => c == '\\' || char.IsControl(c) || char.IsWhiteSpace(c))
            || path.StartsWith("//", StringComparison.Ordinal)
            || (!path.StartsWith('/') && Uri.TryCreate(path, UriKind.Absolute, out _)))
        {
            return Home;
        }
        return path.StartsWith('/') ? path : "/" + path;
    }
}
