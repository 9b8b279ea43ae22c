namespace CustomActivities.Core.Auditing;

/// <summary>The entity types the audit log records.</summary>
public static class AuditEntityTypes
{
    public const string ActivityType = "ActivityType";
    public const string Person = "Person";
    public const string SmartList = "SmartList";
    public const string StaticList = "StaticList";
    public const string User = "User";
    public const string ApiClient = "ApiClient";

    public static readonly IReadOnlyList<string> All = [ActivityType, Person, SmartList, StaticList, User, ApiClient];
}

/// <summary>
/// Who reads which audit entries. Marketers work with activity types, people, smart lists and static lists, so they see those changes (who made
/// them included); accounts and API clients are the admins' business (their pages are closed to marketers, and their
/// entries name colleagues' emails, roles and integrations), so only admins see those entries.
/// </summary>
public static class AuditVisibility
{
    private static readonly IReadOnlyList<string> ForEveryone = [AuditEntityTypes.ActivityType, AuditEntityTypes.Person, AuditEntityTypes.SmartList,
        AuditEntityTypes.StaticList];

    /// <summary>The entity types whose entries the viewer may read.</summary>
    public static IReadOnlyList<string> EntityTypesFor(Actor viewer) => viewer.IsAdmin ? AuditEntityTypes.All : ForEveryone;

    /// <summary>The entries the viewer may read; admins read every entry, whatever its type.</summary>
    public static IQueryable<AuditEntry> VisibleTo(this IQueryable<AuditEntry> entries, Actor viewer) =>
        viewer.IsAdmin ? entries : entries.Where(e => ForEveryone.Contains(e.EntityType));
}
