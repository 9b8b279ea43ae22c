using CustomActivities.Core.Persistence;
using CustomActivities.Web;
using CustomActivities.Web.Components;
using CustomActivities.Web.Components.Account;

if (SeedCommand.IsRequested(args))
{
    return await SeedCommand.RunAsync(args);
}

var startedAt = System.Diagnostics.Stopwatch.GetTimestamp();
var options = StartupArguments.Parse(args);
var builder = WebApplication.CreateBuilder(options.HostArguments);
builder.AddCustomActivities();

var app = builder.Build();
app.ValidateSettings();
app.UseCustomActivities();

await app.InitializeDatabaseAsync(options);
app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app, startedAt));
await app.RunAsync();
return 0;

/// <summary>Exposed for WebApplicationFactory in the tests.</summary>
public partial class Program;
