using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using OurSociety.Federation.Storage;

namespace OurSociety.Federation.Hosting;

/// <summary>How a process that hosts no grains (the API in client mode) reaches the silos.</summary>
public static class HubClientBuilderExtensions
{
    /// <summary>
    /// Finds gateways by the configured clustering: the one local silo's gateway port, or every active silo's gateway
    /// in the PostgreSQL membership table. The client keeps trying to connect for as long as the process runs, so an
    /// API started before its silos, or left without any, waits for them (answering <c>UNAVAILABLE</c>) instead of
    /// stopping; <see cref="ClusterClientStatus"/> tells the health checks whether it is connected.
    /// </summary>
    public static IClientBuilder AddHubClient(this IClientBuilder client, HubOrleansOptions options)
    {
        client.Configure<ClientMessagingOptions>(HubMembership.Configure);
        if (options.Clustering == HubClustering.AdoNet)
        {
            client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (options.ClusterId, options.ServiceId))
                .Configure<GatewayOptions>(HubMembership.Configure)
                .UseAdoNetClustering((OptionsBuilder<AdoNetClusteringClientOptions> ado) => ado
                    .Configure<IOptions<HubStorageOptions>>((o, hub) => (o.Invariant, o.ConnectionString) = ("Npgsql", hub.Value.ConnectionString)));
        }
        else
        {
            client.UseLocalhostClustering(options.GatewayPort, options.ServiceId, options.ClusterId);
        }

        // One instance watches the connection and decides the retries, so the health checks see what the client sees.
        client.Services.AddSingleton<ClusterClientStatus>();
        client.Services.AddSingleton<IClusterConnectionStatusObserver>(sp => sp.GetRequiredService<ClusterClientStatus>());
        client.Services.AddSingleton<IClientConnectionRetryFilter>(sp => sp.GetRequiredService<ClusterClientStatus>());
        client.Services.AddHostedService<ClusterClientStartup>();
        return client;
    }

    /// <summary>Binds <c>Hub:Storage</c> for a client, which reads the membership table on its connection string.</summary>
    public static IServiceCollection AddHubClientSettings(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HubStorageOptions>().Bind(configuration.GetSection(HubStorageOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }
}
