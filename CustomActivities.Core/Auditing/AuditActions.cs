namespace CustomActivities.Core.Auditing;

/// <summary>
/// The actions the audit log records, as "entity.verb": the UI shows each through its resources (AuditAction.*).
/// Activity types keep theirs in <c>ActivityTypeService.Actions</c>.
/// </summary>
public static class AuditActions
{
    public const string PersonCreated = "person.created";
    public const string PersonUpdated = "person.updated";
    public const string StaticListCreated = "static-list.created";
    public const string StaticListRenamed = "static-list.renamed";
    public const string StaticListDeleted = "static-list.deleted";
    public const string StaticListMembersAdded = "static-list.members-added";
    public const string StaticListMembersRemoved = "static-list.members-removed";
    public const string SmartListCreated = "smart-list.created";
    public const string SmartListUpdated = "smart-list.updated";
    public const string SmartListRenamed = "smart-list.renamed";
    public const string SmartListDuplicated = "smart-list.duplicated";
    public const string SmartListDeleted = "smart-list.deleted";
    public const string ApiClientCreated = "api-client.created";
    public const string ApiClientRevoked = "api-client.revoked";
    public const string ApiClientSecretRotated = "api-client.secret-rotated";
    public const string UserCreated = "user.created";
    public const string UserRoleChanged = "user.role-changed";
    public const string UserLocked = "user.locked";
    public const string UserUnlocked = "user.unlocked";
    public const string UserPasswordReset = "user.password-reset";
    public const string UserDeactivated = "user.deactivated";
    public const string UserReactivated = "user.reactivated";
    public const string UserDeleted = "user.deleted";
    public const string DemoDataSeeded = "demo-data.seeded";
}
