using CustomActivities.Core.Auditing;
using Microsoft.Extensions.Localization;

namespace CustomActivities.Web.Components.Shared;

/// <summary>
/// Who did something, worded for the reader. Audit fields store a language-neutral label ("system", "api:Name", or a
/// user's email); only the first two are words, so only they are translated.
/// </summary>
public static class ActorText
{
    private const string ApiClientPrefix = "api:";

    public static string Who(this IStringLocalizer<SharedResource> text, string? label) => label switch
    {
        null or "" => "",
        _ when label == Actor.System.Label => text["Actor.System"],
        _ when label.StartsWith(ApiClientPrefix, StringComparison.Ordinal) => text["Actor.ApiClient", label[ApiClientPrefix.Length..]],
        _ => label,
    };
}
