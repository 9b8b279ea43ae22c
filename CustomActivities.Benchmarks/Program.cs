using CustomActivities.Benchmarks;

// Speed goals are checked here, never by timed tests: each benchmark prints its figures (medians and p95) and the
// ratios measured in the same run. Run with: dotnet run -c Release --project CustomActivities.Benchmarks -- NAME
// "screenshots" is no benchmark but shares the real-app and Chromium plumbing: it photographs every page.
var benchmarks = new Dictionary<string, Func<string[], Task<int>>>(StringComparer.OrdinalIgnoreCase)
{
    ["ingest"] = IngestBenchmark.RunAsync,
    ["timeline"] = TimelineBenchmark.RunAsync,
    ["smartlists"] = SmartListBenchmark.RunAsync,
    ["screenshots"] = ScreenshotsCommand.RunAsync,
    ["reliability"] = ReliabilityCommand.RunAsync,
};

if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine($"usage: dotnet run -c Release --project CustomActivities.Benchmarks -- <{string.Join('|', benchmarks.Keys)}> [options]");
    return 2;
}
return await run(args[1..]);
