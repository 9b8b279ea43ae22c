using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Primitives;

namespace CustomActivities.Web.Api;

/// <summary>
/// Marketo's way round "414 Request-URI Too Long": a client POSTs the query string as an application/x-www-form-urlencoded
/// body with <c>_method=GET</c>, and the call is answered as the GET with those parameters. Done here, before routing, for
/// the reads that take long lists (leads by filter, activities), so the GET endpoints stay the only code that answers them.
/// </summary>
public static class MethodTunnelling
{
    public const string Parameter = "_method";

    /// <summary>Appended to the description of the endpoints that can be reached this way.</summary>
    public const string Note = " Also as POST with ?_method=GET and the parameters in an application/x-www-form-urlencoded body (when the query string is too long).";

    private static readonly PathString[] TunnelledPaths = ["/rest/v1/leads.json", "/rest/v1/activities.json"];

    public static IApplicationBuilder UseMarketoMethodTunnelling(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (HttpMethods.IsPost(request.Method) && request.HasFormContentType && Array.Exists(TunnelledPaths, p => p.Equals(request.Path)))
        {
            await TunnelAsync(request, context.RequestAborted);
        }
        await next(context);
    });

    private static async Task TunnelAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException)
        {
            // A body that is not a readable form stays a POST: the endpoint (or the fallback) answers it as such.
            return;
        }
        if (!IsGet(request.Query[Parameter]) && !IsGet(form[Parameter]))
        {
            return;
        }
        var parameters = new Dictionary<string, StringValues>(StringComparer.Ordinal);
        foreach (var (name, values) in request.Query.Concat(form))
        {
            if (name != Parameter)
            {
                parameters[name] = parameters.TryGetValue(name, out var earlier) ? StringValues.Concat(earlier, values) : values;
            }
        }
        request.QueryString = new QueryBuilder(parameters.SelectMany(p => p.Value.Select(v => KeyValuePair.Create(p.Key, v ?? "")))).ToQueryString();
        request.Method = HttpMethods.Get;
    }

    private static bool IsGet(StringValues values) => values.Count == 1 && string.Equals(values[0], "GET", StringComparison.OrdinalIgnoreCase);
}
