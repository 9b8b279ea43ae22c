namespace CustomActivities.Core.ApiClients;

/// <summary>Limits of the REST API (section "Api" of appsettings.json). The defaults are Marketo's.</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>Lifetime of an access token in seconds.</summary>
    public int TokenLifetimeSeconds { get; set; } = 3600;

    /// <summary>Calls per client allowed in <see cref="RateLimitWindowSeconds"/>; one more gets 606.</summary>
    public int RateLimitCalls { get; set; } = 100;

    public int RateLimitWindowSeconds { get; set; } = 20;

    /// <summary>Calls per client and UTC day; beyond it 607.</summary>
    public long DailyQuota { get; set; } = 50_000;

    /// <summary>Calls of one client in progress at once; one more gets 615.</summary>
    public int MaxConcurrentCalls { get; set; } = 10;

    /// <summary>Largest request body in bytes; larger bodies get HTTP 413.</summary>
    public int MaxBodyBytes { get; set; } = 1_048_576;

    /// <summary>Records per call (activities, leads).</summary>
    public int MaxBatchSize { get; set; } = 300;
}
