using CustomActivities.Web.Components.Shared;
using Microsoft.Extensions.Localization;

namespace CustomActivities.Web.Components.Pages.Users;

public static class UserErrorText
{
    /// <summary>A refusal of the Users page: our codes (<c>UserErrors</c>) get the reader's words; Identity's come already worded.</summary>
    public static string UserError(this IStringLocalizer<SharedResource> text, string error) => text.TextOr("UserError." + error, error);
}
