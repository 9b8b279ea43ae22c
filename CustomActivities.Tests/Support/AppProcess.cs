using CustomActivities.Core.Persistence;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CustomActivities.Tests.Support;

/// <summary>
/// The real app as users run it: the built CustomActivities.Web executable on Kestrel, on a free loopback port,
/// over its own temporary SQLite file. Used by browser tests and by tests that kill and restart the server.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output;

    private AppProcess(Process process, StringBuilder output, Uri baseAddress)
    {
        this.process = process;
        this.output = output;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }
    public string Output { get { lock (output) { return output.ToString(); } } }
    public bool HasExited => process.HasExited;
    public int ProcessId => process.Id;

    public static Task<AppProcess> StartAsync(string databasePath, IReadOnlyDictionary<string, string>? settings = null, int? port = null) =>
        StartAsync(DatabaseTarget.Sqlite(databasePath), settings, port);

    /// <summary>The app over the target's database: a SQLite file, or PostgreSQL through <c>Database__Provider</c> and its connection string.</summary>
    public static async Task<AppProcess> StartAsync(DatabaseTarget database, IReadOnlyDictionary<string, string>? settings = null, int? port = null)
    {
        var actualPort = port ?? FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{actualPort}/");
        var info = new ProcessStartInfo(WebExecutable())
        {
            WorkingDirectory = WebProjectDirectory(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(baseAddress.ToString().TrimEnd('/'));
        if (database.Provider == DatabaseProvider.Postgres)
        {
            info.Environment["Database__Provider"] = "Postgres";
            info.Environment[$"ConnectionStrings__{DatabaseOptions.PostgresConnectionName}"] = database.Location;
        }
        else
        {
            info.Environment["Database__Path"] = database.Location;
        }
        info.Environment["Admin__Email"] = AppFactory.AdminEmail;
        info.Environment["Admin__Password"] = AppFactory.AdminPassword;
        info.Environment["DOTNET_gcServer"] = "0";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            info.Environment[key.Replace(":", "__")] = value;
        }

        var output = new StringBuilder();
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var app = new AppProcess(process, output, baseAddress);
        await app.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60));
        return app;
    }

    private async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {process.ExitCode}:\n{Output}");
            }
            try
            {
                var response = await client.GetAsync("health");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The app did not become healthy in {timeout}:\n{Output}");
    }

    /// <summary>Ends the process at once, as a crash or power cut would (no graceful shutdown).</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
    }

    public long ResidentMemoryBytes()
    {
        process.Refresh();
        return process.WorkingSet64;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The test assembly runs from CustomActivities.Tests/bin/CONFIG/TFM/RID; the app was built beside it.</summary>
    private static string WebExecutable()
    {
        var testOutput = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        var webOutput = testOutput.Replace(
            $"{Path.DirectorySeparatorChar}CustomActivities.Tests{Path.DirectorySeparatorChar}",
            $"{Path.DirectorySeparatorChar}CustomActivities.Web{Path.DirectorySeparatorChar}");
        var executable = Path.Combine(webOutput, "CustomActivities.Web");
        return File.Exists(executable)
            ? executable
            : throw new FileNotFoundException($"Build CustomActivities.Web first: {executable} is missing.");
    }

    private static string WebProjectDirectory() =>
        Path.Combine(RepositoryRoot(), "CustomActivities.Web");

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CustomActivities.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new DirectoryNotFoundException("CustomActivities.sln not found above the test output.");
    }
}
