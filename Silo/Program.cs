using OurSociety.Federation.Silo.Hosting;
using OurSociety.Federation.Storage;

if (args is ["migrate", ..])
{
    await HubStorageSiloBuilderExtensions.MigrateHubStorageAsync(WebApplication.CreateBuilder(args).Configuration);
    Console.WriteLine("The hub's storage schema is up to date.");
    return;
}

var builder = WebApplication.CreateBuilder(args);
builder.AddHubSiloHost();

// After the host's defaults, so a configured HostOptions:ShutdownTimeout is the one that holds.
builder.AddSiloOperations();

var app = builder.Build();
app.MapHubSiloEndpoints();
await app.RunAsync();
