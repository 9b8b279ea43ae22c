using System.Diagnostics;
using CustomActivities.Core.Persistence;

namespace CustomActivities.Web;

/// <summary>Tells the person who started the app where it listens and, once, the generated admin password.</summary>
public static class StartupBanner
{
    private static InitializationResult? initialization;

    public static void Remember(InitializationResult result) => initialization = result;

    public static void Print(WebApplication app, long startedAt)
    {
        var url = app.Urls.FirstOrDefault() ?? "http://localhost:5000";
        var elapsed = Stopwatch.GetElapsedTime(startedAt);
        Console.WriteLine();
        Console.WriteLine($"CustomActivities is running at {url} (started in {elapsed.TotalSeconds:F1} s)");
        Console.WriteLine($"Sign in at {url.TrimEnd('/')}/Account/Login");
        if (initialization is { CreatedAdminEmail: { } email, GeneratedAdminPassword: { } password })
        {
            Console.WriteLine();
            Console.WriteLine("A first admin account was created. This password is shown only once:");
            Console.WriteLine($"  email:    {email}");
            Console.WriteLine($"  password: {password}");
        }
        Console.WriteLine();
    }
}
