namespace CustomActivities.Core.Persistence;

/// <summary>Text matched with LIKE … ESCAPE '\': the user's %, _ and \ match themselves, not as wildcards.</summary>
internal static class SqlLike
{
    public static string Escape(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
