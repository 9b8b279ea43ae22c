using System.ComponentModel.DataAnnotations;

namespace CustomActivities.Core.ApiClients;

/// <summary>Limits of the REST API (section "Api" of appsettings.json). The defaults are Marketo's.</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>Lifetime of an access token in seconds.</summary>
    [Range(1, 86_400, ErrorMessage = "Api:TokenLifetimeSeconds must be between {1} and {2} seconds.")]
    public int TokenLifetimeSeconds { get; set; } = 3600;

    /// <summary>Calls per client allowed in <see cref="RateLimitWindowSeconds"/>; one more gets 606.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "Api:RateLimitCalls must be at least {1}.")]
    public int RateLimitCalls { get; set; } = 100;

    [Range(1, 86_400, ErrorMessage = "Api:RateLimitWindowSeconds must be between {1} and {2} seconds.")]
    public int RateLimitWindowSeconds { get; set; } = 20;

    /// <summary>Calls per client and UTC day; beyond it 607.</summary>
    [Range(1L, long.MaxValue, ErrorMessage = "Api:DailyQuota must be at least {1}.")]
    public long DailyQuota { get; set; } = 50_000;

    /// <summary>Calls of one client in progress at once; one more gets 615 (0 refuses every call).</summary>
    [Range(0, int.MaxValue, ErrorMessage = "Api:MaxConcurrentCalls must be {1} or more.")]
    public int MaxConcurrentCalls { get; set; } = 10;

    /// <summary>Failed token requests (wrong secret) per client id in <see cref="FailedSecretWindowSeconds"/>; beyond it every token request of that id is refused with HTTP 429 until the window ends.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "Api:FailedSecretsPerClient must be at least {1}.")]
    public int FailedSecretsPerClient { get; set; } = 10;

    /// <summary>Failed token requests per remote address in <see cref="FailedSecretWindowSeconds"/>; beyond it that address gets HTTP 429.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "Api:FailedSecretsPerAddress must be at least {1}.")]
    public int FailedSecretsPerAddress { get; set; } = 50;

    [Range(1, 86_400, ErrorMessage = "Api:FailedSecretWindowSeconds must be between {1} and {2} seconds.")]
    public int FailedSecretWindowSeconds { get; set; } = 60;

    /// <summary>Largest request body in bytes; larger bodies get HTTP 413.</summary>
    [Range(1_024, int.MaxValue, ErrorMessage = "Api:MaxBodyBytes must be at least {1} bytes.")]
    public int MaxBodyBytes { get; set; } = 1_048_576;

    /// <summary>Records per call (activities, leads).</summary>
    [Range(1, 300, ErrorMessage = "Api:MaxBatchSize must be between {1} and {2} (Marketo's largest batch, also the paging limit).")]
    public int MaxBatchSize { get; set; } = 300;
}
