using OurSociety.Federation.Bench;

var options = BenchOptions.Parse(args);
var report = new Report(options);
Console.WriteLine($"Hub bench: {options.Backend}{(options.Quick ? " (quick)" : "")}");
var hub = await HubHost.StartAsync(options);
try
{
    // Memory first, while the process holds little else, so the delta is the organisations'.
    await MemoryBench.RunAsync(hub, options, report);
    await PostBench.RunAsync(hub, options, report);
    await FeedBench.RunAsync(hub, options, report);
}
finally
{
    // Write whatever was measured before shutting the hub down, so a failure at shutdown loses nothing.
    await report.WriteAsync();
    await hub.DisposeAsync();
}
