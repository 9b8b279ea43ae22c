using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CustomActivities.Benchmarks;

/// <summary>The real CustomActivities.Web executable (built beside this benchmark) on a free loopback port.</summary>
public sealed class WebApp : IAsyncDisposable
{
    private readonly Process process;

    private WebApp(Process process, string baseAddress)
    {
        this.process = process;
        BaseAddress = baseAddress;
    }

    public string BaseAddress { get; }

    /// <param name="arguments">More switches for the app, e.g. <c>--seed-demo</c>.</param>
    public static async Task<WebApp> StartAsync(string databasePath, string adminEmail, string adminPassword, params string[] arguments)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var output = AppContext.BaseDirectory.Replace(
            $"{Path.DirectorySeparatorChar}CustomActivities.Benchmarks{Path.DirectorySeparatorChar}",
            $"{Path.DirectorySeparatorChar}CustomActivities.Web{Path.DirectorySeparatorChar}");
        var info = new ProcessStartInfo(Path.Combine(output, "CustomActivities.Web"))
        {
            WorkingDirectory = Path.GetFullPath(Path.Combine(output, "..", "..", "..", "..")),
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{port}");
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        info.Environment["Database__Path"] = databasePath;
        info.Environment["Admin__Email"] = adminEmail;
        info.Environment["Admin__Password"] = adminPassword;
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine("app: " + e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new WebApp(process, $"http://127.0.0.1:{port}/");
        using var client = new HttpClient { BaseAddress = new Uri(app.BaseAddress) };
        // Up to 3 minutes: on two shared cores under load (the reliability command restarts it a hundred times) a start can take over one.
        for (var i = 0; i < 900; i++)
        {
            try
            {
                if ((await client.GetAsync("health")).IsSuccessStatusCode)
                {
                    return app;
                }
            }
            catch (HttpRequestException)
            {
            }
            if (process.HasExited)
            {
                throw new InvalidOperationException("The app exited during start-up.");
            }
            await Task.Delay(200);
        }
        // Not left running behind the benchmark (a slow start once outlived the command that gave up on it).
        process.Kill(entireProcessTree: true);
        throw new TimeoutException("The app did not become healthy.");
    }

    /// <summary>Resident set size of the server process (VmRSS).</summary>
    public long ResidentBytes()
    {
        process.Refresh();
        return process.WorkingSet64;
    }

    /// <summary>SIGKILL, as a crash: no shutdown, nothing flushed.</summary>
    public void Kill() => process.Kill(entireProcessTree: true);

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }
}
