using OurSociety.Federation.Bench;

var options = BenchOptions.Parse(args);
var report = new Report(options);
Console.WriteLine($"Hub bench: {options.Backend}{(options.Quick ? " (quick)" : "")}{(options.Only is { } only ? $", {only} only" : "")}{(options.NationalOff ? ", national statistics off" : "")}");
// Counting parses and validations (for the federated scenario's document cache check) adds two steps to each request.
var hub = await HubHost.StartAsync(options, options.HubSettings, countDocuments: options.Runs("federated"));
try
{
    // Memory first, while the process holds little else, so the delta is the organisations'.
    if (options.Runs("memory"))
    {
        await MemoryBench.RunAsync(hub, options, report);
    }

    if (options.Runs("posts"))
    {
        await PostBench.RunAsync(hub, options, report);
    }

    if (options.Runs("feed"))
    {
        await FeedBench.RunAsync(hub, options, report);
    }

    if (options.Runs("federated"))
    {
        await FederatedBench.RunAsync(hub, options, report);
    }

    if (options.Runs("introductions"))
    {
        await IntroductionBench.RunAsync(hub, options, report);
    }

    if (options.Runs("national"))
    {
        await NationalBench.RunAsync(hub, options, report);
    }

    if (options.Only == "national-ingest")
    {
        await NationalBench.PostsOnOffAsync(hub, options, report);
    }
}
finally
{
    // Write whatever was measured before shutting the hub down, so a failure at shutdown loses nothing.
    await report.WriteAsync();
    await hub.DisposeAsync();
}
