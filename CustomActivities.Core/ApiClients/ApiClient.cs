namespace CustomActivities.Core.ApiClients;

/// <summary>What an API client may do. Marketo ties permissions to an API-only user's role; here they sit on the client.</summary>
public enum ApiPermission
{
    /// <summary>Everything, including activity type definitions.</summary>
    Full,

    /// <summary>Read everything; write activities and leads (persons).</summary>
    WriteActivitiesAndLeads,

    /// <summary>Read only.</summary>
    ReadOnly,
}

/// <summary>An integration that calls the REST API. Only a hash of its secret is stored; the secret is shown once.</summary>
public class ApiClient
{
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>Public identifier sent as client_id.</summary>
    public required string ClientId { get; set; }

    /// <summary>SHA-256 of the secret (the secret is 256 random bits, so a fast hash is enough).</summary>
    public required string SecretHash { get; set; }

    public ApiPermission Permission { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset? RevokedAt { get; set; }
    public DateTimeOffset? SecretRotatedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }

    public bool IsRevoked => RevokedAt is not null;

    public bool Allows(ApiAccess access) => access switch
    {
        ApiAccess.Read => true,
        ApiAccess.WriteData => Permission is ApiPermission.Full or ApiPermission.WriteActivitiesAndLeads,
        ApiAccess.ManageTypes => Permission is ApiPermission.Full,
        _ => false,
    };
}

/// <summary>What an endpoint needs.</summary>
public enum ApiAccess
{
    Read,
    WriteData,
    ManageTypes,
}

/// <summary>Calls counted per client and UTC day (the daily quota and the admin page's figures).</summary>
public class ApiClientUsage
{
    public int ApiClientId { get; set; }

    /// <summary>UTC day as yyyyMMdd.</summary>
    public int Day { get; set; }

    public long Calls { get; set; }
}

/// <summary>An issued access token: only its hash is used to authenticate; the token itself is kept encrypted so that
/// a client asking again before expiry gets the same token back (as Marketo does), also after a restart.</summary>
public class ApiAccessToken
{
    public int Id { get; set; }
    public int ApiClientId { get; set; }
    public required string TokenHash { get; set; }
    public required string ProtectedToken { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
}
