using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CustomActivities.Web.Api;

/// <summary>
/// What the document says once for every endpoint: how to authenticate (bearer header, or Marketo's access_token query
/// parameter), the envelope every /rest/v1 answer comes in, the error codes (<see cref="ApiErrors.All"/>) and the sections.
/// </summary>
public sealed class MarketoDocumentTransformer : IOpenApiDocumentTransformer
{
    public const string BearerScheme = "bearer";
    public const string QueryTokenScheme = "access_token";
    public const string EnvelopeSchema = "Envelope";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "CustomActivities REST API (Marketo-compatible)",
            Version = MarketoOpenApi.DocumentName,
            Description = Description(),
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The access_token from /identity/oauth/token, as `Authorization: Bearer <token>`.",
        };
        document.Components.SecuritySchemes[QueryTokenScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Query,
            Name = "access_token",
            Description = "The same token as a query parameter, `?access_token=<token>`, as Marketo also accepts.",
        };
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[EnvelopeSchema] = Envelope();
        document.Tags = new HashSet<OpenApiTag>(ApiTags.All.Select(tag => new OpenApiTag { Name = tag.Name, Description = tag.Description }));
        return Task.CompletedTask;
    }

    public static string Description()
    {
        var text = new StringBuilder("""
            Wire-compatible with Marketo's REST API. Get a token from `/identity/oauth/token` with an API client's id and secret,
            then send it as `Authorization: Bearer <token>` (or `?access_token=<token>`).

            Every `/rest/v1` answer is the envelope `{requestId, success, result[], errors[{code, message}], warnings[], moreResult?, nextPageToken?}`,
            with HTTP 200 also for API-level errors (HTTP 413 for bodies over the size limit). Codes are strings, as Marketo sends them.
            Date-times are written as Marketo writes them: UTC, `Z`, whole seconds (`2016-02-03T22:36:23Z`). A skipped record of
            `activities/external.json` lists its reasons as both `errors` and `reasons`. When a query string is too long, `leads.json` and
            `activities.json` also answer `POST ?_method=GET` with the parameters in an `application/x-www-form-urlencoded` body, as the GET would.

            ## Error codes

            | code | level | meaning |
            |---|---|---|

            """);
        foreach (var (code, level, meaning) in ApiErrors.All)
        {
            text.Append("| ").Append(code).Append(" | ").Append(level).Append(" | ").Append(meaning).AppendLine(" |");
        }
        return text.ToString();
    }

    private static OpenApiSchema Envelope() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "Marketo's answer shape, HTTP 200 also when success is false.",
        Required = new HashSet<string> { "requestId", "success", "result", "errors", "warnings" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["requestId"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["success"] = new OpenApiSchema { Type = JsonSchemaType.Boolean },
            ["result"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Description = "The records, when success is true (see each endpoint).",
                Items = new OpenApiSchema { Type = JsonSchemaType.Object },
            },
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Description = "Why the call was refused, when success is false (codes in the description above).",
                Items = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["code"] = new OpenApiSchema { Type = JsonSchemaType.String },
                        ["message"] = new OpenApiSchema { Type = JsonSchemaType.String },
                    },
                },
            },
            ["warnings"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            ["moreResult"] = new OpenApiSchema { Type = JsonSchemaType.Boolean, Description = "Paged reads: whether another page is waiting." },
            ["nextPageToken"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Paged reads: where the next page starts." },
        },
        Examples = [JsonNode.Parse("""{"requestId":"1a2b#18c6f3e2a10","success":false,"result":[],"errors":[{"code":"610","message":"Requested resource not found"}],"warnings":[]}""")!],
    };
}
