using OurSociety.Federation.Api.Access;
using OurSociety.Federation.Api.Hosting;
using OurSociety.Federation.Storage;

if (args is ["migrate", ..])
{
    await HubStorageSiloBuilderExtensions.MigrateHubStorageAsync(WebApplication.CreateBuilder(args).Configuration);
    Console.WriteLine("The hub's storage schema is up to date.");
    return 0;
}

if (args is ["token", .. var tokenArgs])
{
    return HubTokenCommand.Run(tokenArgs, Console.Out, Console.Error);
}

var app = HubApp.Build(args);
app.PrintWhereToConnect();
await app.RunAsync();
return 0;
