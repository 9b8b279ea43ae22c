using Microsoft.Extensions.Localization;

namespace CustomActivities.Web.Components.Shared;

/// <summary>Audit actions and entity types as people read them ("API client revoked"), not as they are stored.</summary>
public static class AuditText
{
    // Early versions stored "Person.Created": the lower-case form finds today's "person.created".
    public static string AuditAction(this IStringLocalizer<SharedResource> text, string action) =>
        text.TextOr("AuditAction." + action, text.TextOr("AuditAction." + action.ToLowerInvariant(), action));

    public static string AuditEntity(this IStringLocalizer<SharedResource> text, string entityType) =>
        text.TextOr("AuditEntity." + entityType, entityType);
}
