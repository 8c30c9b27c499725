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

var app = builder.Build();
app.MapHubSiloEndpoints();
await app.RunAsync();
