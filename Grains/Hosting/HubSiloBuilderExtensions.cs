using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Serialization;
using OurSociety.Federation.Common;
using OurSociety.Federation.National;
using OurSociety.Federation.Storage;

namespace OurSociety.Federation.Hosting;

/// <summary>What every silo of the hub needs, whether it runs alone or inside the API.</summary>
public static class HubSiloBuilderExtensions
{
    /// <summary>
    /// The configured clustering (<c>Hub:Orleans:Clustering</c>) on the configured ports, the hub's services and its
    /// durable storage and reminders.
    /// </summary>
    public static ISiloBuilder AddHubSilo(this ISiloBuilder silo, IConfiguration configuration)
    {
        var options = BindOrleansOptions(silo.Services, configuration, hostsSilo: true);
        if (options.Clustering == HubClustering.AdoNet)
        {
            silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (options.ClusterId, options.ServiceId))
                .ConfigureEndpoints(options.AdvertisedIPAddress, options.SiloPort, options.GatewayPort, options.ListensOnAnyAddress)
                .Configure<ClusterMembershipOptions>(HubMembership.Configure)

                // The membership tables come from the hub's scripts, applied before clustering starts (AddHubStorage).
                .UseAdoNetClustering((OptionsBuilder<AdoNetClusteringSiloOptions> ado) => ado
                    .Configure<IOptions<Storage.HubStorageOptions>>((o, hub) => (o.Invariant, o.ConnectionString) = ("Npgsql", hub.Value.ConnectionString)));
        }
        else
        {
            silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId);
        }

        return silo.AddHubGrains(configuration);
    }

    /// <summary>The hub's grain services (time, ids) and its grain storage, without choosing a clustering provider.</summary>
    public static ISiloBuilder AddHubGrains(this ISiloBuilder silo, IConfiguration configuration)
    {
        silo.Services.AddHubGrainServices();
        silo.AddIncomingGrainCallFilter<StorageFailureFilter>();
        silo.AddHubSiloTelemetry(configuration);
        silo.Services.AddOptions<NationalOptions>().Bind(configuration.GetSection(NationalOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        return silo.AddHubStorage(configuration);
    }

    /// <summary>Time and ids, from one place each, so tests can control both; and what the silo's grains share (settled national weeks).</summary>
    public static IServiceCollection AddHubGrainServices(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<HubIds>();
        services.TryAddSingleton<SettledWeeks>();

        // Orleans carries exceptions of its own and System namespaces between processes; Npgsql's too, so a storage
        // failure that escapes a grain outside a call (while activating, say) still arrives as what it is.
        services.Configure<ExceptionSerializationOptions>(o => o.SupportedNamespacePrefixes.Add("Npgsql"));
        return services;
    }

    /// <summary>
    /// Binds <see cref="HubOrleansOptions"/>, validated at start, and returns the values to configure Orleans with now
    /// (checked with <see cref="HubClusterSettings.Read"/>, ports included when <paramref name="hostsSilo"/>).
    /// </summary>
    public static HubOrleansOptions BindOrleansOptions(IServiceCollection services, IConfiguration configuration, bool hostsSilo)
    {
        services.AddOptions<HubOrleansOptions>().Bind(configuration.GetSection(HubOrleansOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        // Orleans reads its ports while the host is being built, before ValidateOnStart runs: check now so a bad
        // setting fails with our message rather than a socket error.
        return HubClusterSettings.Read(configuration, hostsSilo);
    }
}
