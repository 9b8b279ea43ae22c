using System.Text.Json.Nodes;
using CustomActivities.Core.ApiClients;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CustomActivities.Web.Api;

/// <summary>
/// Completes each operation from its endpoint's metadata: the query parameters the handler reads itself
/// (<see cref="ApiQueryParameter"/>), the permission a token needs (<see cref="ApiAccessRequirement"/>) with the security
/// schemes, the example body (<see cref="ApiBodyExample"/>) and, for /rest/v1, the envelope the answer comes in.
/// </summary>
public sealed class MarketoOperationTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var document = context.Document ?? throw new InvalidOperationException("The operation transformer runs with the document being built.");
        AddQueryParameters(operation, metadata.OfType<ApiQueryParameter>());
        if (metadata.OfType<ApiAccessRequirement>().LastOrDefault() is { } requirement)
        {
            operation.Description = $"{operation.Description}\n\n**Permission:** {Permission(requirement.Access)}.".TrimStart();
            operation.Security =
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(MarketoDocumentTransformer.BearerScheme, document)] = [] },
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(MarketoDocumentTransformer.QueryTokenScheme, document)] = [] },
            ];
        }
        if (metadata.OfType<ApiBodyExample>().LastOrDefault() is { } example)
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    // The handler reads the body itself, so there is no type to describe: the description and the example do.
                    [example.ContentType] = new() { Example = JsonNode.Parse(example.Json) },
                },
            };
        }
        if (context.Description.RelativePath?.StartsWith("rest/", StringComparison.Ordinal) == true)
        {
            operation.Responses ??= [];
            operation.Responses["200"] = new OpenApiResponse
            {
                Description = "The Marketo envelope, also for API-level errors (success false, errors[].code)",
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new() { Schema = new OpenApiSchemaReference(MarketoDocumentTransformer.EnvelopeSchema, document) },
                },
            };
        }
        return Task.CompletedTask;
    }

    private static void AddQueryParameters(OpenApiOperation operation, IEnumerable<ApiQueryParameter> queries)
    {
        foreach (var query in queries)
        {
            operation.Parameters ??= [];
            // A parameter the handler binds itself (e.g. bool? draft) is already there: only its wording is added.
            if (operation.Parameters.OfType<OpenApiParameter>().FirstOrDefault(p => p.In == ParameterLocation.Query && p.Name == query.Name) is { } bound)
            {
                bound.Description ??= query.Description;
                bound.Required |= query.Required;
                continue;
            }
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = query.Name,
                In = ParameterLocation.Query,
                Required = query.Required,
                Description = query.Description,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }
    }

    private static string Permission(ApiAccess access) => access switch
    {
        ApiAccess.Read => "any client (read only, write activities and leads, full)",
        ApiAccess.WriteData => "write activities and leads, or full",
        _ => "full",
    };
}
