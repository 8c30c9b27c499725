using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using OurSociety.Federation.Api.Access;
using OurSociety.Federation.Hosting;
using OurSociety.Federation.Storage;

namespace OurSociety.Federation.Api.Hosting;

/// <summary>Tells whoever started the hub where to point a client and where the data lives.</summary>
public static class HubStartupMessage
{
    public static WebApplication PrintWhereToConnect(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var storage = app.Services.GetRequiredService<IOptions<HubStorageOptions>>().Value;
            var orleans = app.Services.GetRequiredService<IOptions<HubOrleansOptions>>().Value;
            var where = orleans.Mode == HubOrleansMode.Client
                ? $"Orleans client of cluster {orleans.ClusterId}"
                : storage.Provider == StorageProvider.Sqlite
                    ? $"embedded silo, data in {Path.GetFullPath(storage.DataDirectory)}"
                    : "embedded silo, data in PostgreSQL";
            foreach (var address in addresses)
            {
                Console.WriteLine($"OurSociety.Federation hub is ready: GraphQL at {address.TrimEnd('/')}/graphql ({where}).");
            }

            if (app.Services.GetRequiredService<IOptions<HubAuthOptions>>().Value.IsEmbeddedIssuer)
            {
                Console.WriteLine("Tokens from this hub's own issuer: dotnet run --project Api -- token --role admin (or --subject you@example.org); see docs/access.md.");
            }
        });
        return app;
    }
}
