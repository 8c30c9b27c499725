using Microsoft.Extensions.Hosting;
using OurSociety.Federation.Hosting;
using OurSociety.Federation.Silo.Hosting;
using OurSociety.Federation.Storage;

var builder = Host.CreateApplicationBuilder(args);
if (args is ["migrate", ..])
{
    await HubStorageSiloBuilderExtensions.MigrateHubStorageAsync(builder.Configuration);
    Console.WriteLine("The hub's storage schema is up to date.");
    return;
}

builder.AddSiloOperations();
builder.UseOrleans(silo => silo.AddHubSilo(builder.Configuration));
using var host = builder.Build();
await host.RunAsync();
