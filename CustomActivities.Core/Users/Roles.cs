namespace CustomActivities.Core.Users;

public static class Roles
{
    public const string Admin = "Admin";
    public const string Marketer = "Marketer";

    public static readonly IReadOnlyList<string> All = [Admin, Marketer];
}
