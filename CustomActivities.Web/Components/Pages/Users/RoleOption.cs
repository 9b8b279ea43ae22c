using CustomActivities.Core.Users;
using Microsoft.Extensions.Localization;

namespace CustomActivities.Web.Components.Pages.Users;

/// <summary>A role as pickers show it: stored name as value, the reader's word for it as text.</summary>
public sealed record RoleOption(string Role, string Label)
{
    public static IReadOnlyList<RoleOption> All(IStringLocalizer<SharedResource> text) =>
        [.. Roles.All.Select(role => new RoleOption(role, text[$"Role.{role}"]))];
}
