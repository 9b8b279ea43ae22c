using System.Text;
using CustomActivities.Core.ApiClients;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

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
        if (HttpMethods.IsPost(request.Method) && IsUrlEncodedForm(request) && Array.Exists(TunnelledPaths, p => p.Equals(request.Path)))
        {
            var max = context.RequestServices.GetRequiredService<IOptionsMonitor<ApiOptions>>().CurrentValue.MaxBodyBytes;
            var form = await ReadFormAsync(request, max, context.RequestAborted);
            if (form is null && IsGet(request.Query[Parameter]))
            {
                // The same HTTP-level answer as a JSON body over the limit.
                await Envelope.Error(new ApiError("413", $"Request entity too large: the limit is {max} bytes"), StatusCodes.Status413PayloadTooLarge)
                    .ExecuteAsync(context);
                return;
            }
            if (form is not null && (IsGet(request.Query[Parameter]) || (form.TryGetValue(Parameter, out var method) && IsGet(method))))
            {
                request.QueryString = Merged(request.Query, form);
                request.Method = HttpMethods.Get;
            }
        }
        await next(context);
    });

    /// <summary>The query's parameters and then the form's, without _method.</summary>
    private static QueryString Merged(IQueryCollection query, Dictionary<string, StringValues> form) =>
        new QueryBuilder(query.Concat(form)
            .Where(p => p.Key != Parameter)
            .SelectMany(p => p.Value.Select(v => KeyValuePair.Create(p.Key, v ?? ""))))
            .ToQueryString();

    /// <summary>The form's fields, or null when the body is over the API's body size limit.</summary>
    private static async Task<Dictionary<string, StringValues>?> ReadFormAsync(HttpRequest request, int max, CancellationToken cancellationToken)
    {
        if (request.ContentLength > max)
        {
            return null;
        }
        using var body = new MemoryStream();
        var buffer = new byte[16_384];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (body.Length + read > max)
            {
                return null;
            }
            body.Write(buffer, 0, read);
        }
        return QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body.GetBuffer(), 0, (int)body.Length));
    }

    private static bool IsUrlEncodedForm(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
        && mediaType.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);

    private static bool IsGet(StringValues values) => values.Count == 1 && string.Equals(values[0], "GET", StringComparison.OrdinalIgnoreCase);
}
