using Microsoft.Extensions.Localization;

namespace CustomActivities.Web.Components.Shared;

/// <summary>Audit actions and entity types as people read them ("API client revoked"), not as they are stored.</summary>
public static class AuditText
{
    // Early versions stored "Person.Created": the lower-case form finds today's "person.created".
    public static string AuditAction(this IStringLocalizer<SharedResource> text, string action)
    {
        var label = text["AuditAction." + action];
        return label.ResourceNotFound ? Label(text, "AuditAction." + action.ToLowerInvariant(), action) : label.Value;
    }

    public static string AuditEntity(this IStringLocalizer<SharedResource> text, string entityType) => Label(text, "AuditEntity." + entityType, entityType);

    /// <summary>The resource <paramref name="key"/>, or <paramref name="stored"/> as it is when there is none.</summary>
    internal static string Label(IStringLocalizer<SharedResource> text, string key, string stored)
    {
        var label = text[key];
        return label.ResourceNotFound ? stored : label.Value;
    }
}
