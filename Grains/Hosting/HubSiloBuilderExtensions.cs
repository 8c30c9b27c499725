using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OurSociety.Federation.Common;
using OurSociety.Federation.National;
using OurSociety.Federation.Storage;

namespace OurSociety.Federation.Hosting;

/// <summary>What every silo of the hub needs, whether it runs alone or inside the API.</summary>
public static class HubSiloBuilderExtensions
{
    /// <summary>Localhost clustering on the configured ports, the hub's services and its durable storage.</summary>
    public static ISiloBuilder AddHubSilo(this ISiloBuilder silo, IConfiguration configuration)
    {
        var options = BindOrleansOptions(silo.Services, configuration);
        silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId);
        return silo.AddHubGrains(configuration);
    }

    /// <summary>The hub's grain services (time, ids) and its grain storage, without choosing a clustering provider.</summary>
    public static ISiloBuilder AddHubGrains(this ISiloBuilder silo, IConfiguration configuration)
    {
        silo.Services.AddHubGrainServices();
        silo.Services.AddOptions<NationalOptions>().Bind(configuration.GetSection(NationalOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        return silo.AddHubStorage(configuration);
    }

    /// <summary>Time and ids, from one place each, so tests can control both.</summary>
    public static IServiceCollection AddHubGrainServices(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<HubIds>();
        return services;
    }

    /// <summary>Binds <see cref="HubOrleansOptions"/>, validated at start, and returns the values to configure Orleans with now.</summary>
    public static HubOrleansOptions BindOrleansOptions(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HubOrleansOptions>().Bind(configuration.GetSection(HubOrleansOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        // Orleans reads its ports while the host is being built, before ValidateOnStart runs: check now so a bad
        // setting fails with our message rather than a socket error.
        return HubSettings.Read<HubOrleansOptions>(configuration, HubOrleansOptions.Section);
    }
}
