using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CustomActivities.Core.ApiClients;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing.Patterns;

namespace CustomActivities.Web.Api;

/// <summary>A query parameter of an endpoint, for the OpenAPI document.</summary>
public sealed record ApiQueryParameter(string Name, string Description, bool Required = false);

/// <summary>
/// The OpenAPI 3.0 document, built from the mapped endpoints' own metadata (summary, description, tags, accepted body,
/// query parameters, required permission) plus the error code table, so it cannot drift from what is mapped.
/// </summary>
public static class ApiReference
{
    public static TBuilder WithQuery<TBuilder>(this TBuilder builder, string name, string description, bool required = false)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new ApiQueryParameter(name, description, required));

    public static string DocumentDescription()
    {
        var text = new StringBuilder("""
            Wire-compatible with Marketo's REST API. Get a token from /identity/oauth/token, then send it as `Authorization: Bearer …`
            (or `?access_token=…`). Every /rest/v1 answer is `{requestId, success, result[], errors[{code, message}], warnings[], moreResult?, nextPageToken?}`
            with HTTP 200 also for API-level errors (HTTP 413 for bodies over the size limit). Error codes:

            | code | level | meaning |
            |---|---|---|

            """);
        foreach (var (code, level, meaning) in ApiErrors.All)
        {
            text.Append("| ").Append(code).Append(" | ").Append(level).Append(" | ").Append(meaning).AppendLine(" |");
        }
        return text.ToString();
    }

    public static string Document(EndpointDataSource endpoints)
    {
        var paths = new JsonObject();
        foreach (var endpoint in endpoints.Endpoints.OfType<RouteEndpoint>()
                     .Where(e => e.RoutePattern.RawText is { } raw && (raw.StartsWith("/rest/v1", StringComparison.Ordinal) || raw.StartsWith("/identity", StringComparison.Ordinal)))
                     .OrderBy(e => e.RoutePattern.RawText, StringComparer.Ordinal))
        {
            var metadata = endpoint.Metadata;
            var method = metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.FirstOrDefault()?.ToLowerInvariant();
            if (method is null || metadata.GetMetadata<IExcludeFromDescriptionMetadata>()?.ExcludeFromDescription == true)
            {
                continue;
            }
            var path = endpoint.RoutePattern.RawText!;
            var parameters = new JsonArray();
            foreach (var parameter in endpoint.RoutePattern.Parameters)
            {
                parameters.Add(new JsonObject { ["name"] = parameter.Name, ["in"] = "path", ["required"] = true, ["schema"] = new JsonObject { ["type"] = "string" } });
            }
            foreach (var query in metadata.GetOrderedMetadata<ApiQueryParameter>())
            {
                parameters.Add(new JsonObject
                {
                    ["name"] = query.Name, ["in"] = "query", ["required"] = query.Required, ["description"] = query.Description,
                    ["schema"] = new JsonObject { ["type"] = "string" },
                });
            }
            var access = metadata.GetMetadata<ApiAccessRequirement>()?.Access;
            var description = metadata.GetMetadata<IEndpointDescriptionMetadata>()?.Description ?? "";
            if (access is { } required)
            {
                description += $"\n\nNeeds a token of a client with permission: {Permission(required)}.";
            }
            var operation = new JsonObject
            {
                ["tags"] = new JsonArray([.. metadata.GetOrderedMetadata<ITagsMetadata>().SelectMany(t => t.Tags).Distinct().Select(t => (JsonNode)t!)]),
                ["summary"] = metadata.GetMetadata<IEndpointSummaryMetadata>()?.Summary ?? path,
                ["description"] = description,
                ["parameters"] = parameters,
                ["responses"] = new JsonObject
                {
                    ["200"] = new JsonObject
                    {
                        ["description"] = path.StartsWith("/rest", StringComparison.Ordinal) ? "The Marketo envelope (also for API-level errors)" : "The token",
                        ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = path.StartsWith("/rest", StringComparison.Ordinal) ? "#/components/schemas/Envelope" : "#/components/schemas/Token" } } },
                    },
                },
            };
            if (access is not null)
            {
                operation["security"] = new JsonArray(new JsonObject { ["bearer"] = new JsonArray() });
            }
            if (metadata.GetMetadata<ApiBodyExample>() is { } example)
            {
                operation["requestBody"] = new JsonObject
                {
                    ["required"] = true,
                    ["content"] = new JsonObject { [example.ContentType] = new JsonObject { ["example"] = JsonNode.Parse(example.Json) } },
                };
            }
            if (paths[path] is not JsonObject item)
            {
                item = new JsonObject();
                paths[path] = item;
            }
            item[method] = operation;
        }
        var document = new JsonObject
        {
            ["openapi"] = "3.0.3",
            ["info"] = new JsonObject
            {
                ["title"] = "CustomActivities REST API (Marketo-compatible)",
                ["version"] = "v1",
                ["description"] = DocumentDescription(),
            },
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["securitySchemes"] = new JsonObject { ["bearer"] = new JsonObject { ["type"] = "http", ["scheme"] = "bearer" } },
                ["schemas"] = JsonNode.Parse("""
                    {
                      "Envelope": { "type": "object", "properties": {
                        "requestId": { "type": "string" }, "success": { "type": "boolean" },
                        "result": { "type": "array", "items": { "type": "object" } },
                        "errors": { "type": "array", "items": { "type": "object", "properties": { "code": { "type": "string" }, "message": { "type": "string" } } } },
                        "warnings": { "type": "array", "items": { "type": "string" } },
                        "moreResult": { "type": "boolean" }, "nextPageToken": { "type": "string" } } },
                      "Token": { "type": "object", "properties": {
                        "access_token": { "type": "string" }, "token_type": { "type": "string" }, "expires_in": { "type": "integer" }, "scope": { "type": "string" } } }
                    }
                    """),
            },
        };
        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static string Permission(ApiAccess access) => access switch
    {
        ApiAccess.Read => "any (read only, write activities and leads, full)",
        ApiAccess.WriteData => "write activities and leads, or full",
        _ => "full",
    };
}

/// <summary>An example request body for the OpenAPI document.</summary>
public sealed record ApiBodyExample(string Json, string ContentType = "application/json");
