using Microsoft.Extensions.Options;
using OurSociety.Federation.Hosting;
using OurSociety.Federation.Hosting.Health;
using OurSociety.Federation.Storage;

namespace OurSociety.Federation.Silo.Hosting;

/// <summary>The Silo process: the hub's grains in an Orleans silo, and its health endpoints over HTTP.</summary>
public static class SiloHostExtensions
{
    /// <summary>
    /// The silo (<see cref="HubSiloBuilderExtensions.AddHubSilo"/>) and the health checks, served on
    /// <c>Hub:Health:Urls</c> (<c>http://127.0.0.1:8081</c> unless configured). The host gives the silo time to leave
    /// the cluster gracefully on SIGTERM: it stops taking calls, hands its activations back and leaves membership.
    /// </summary>
    public static WebApplicationBuilder AddHubSiloHost(this WebApplicationBuilder builder)
    {
        var health = HubSettings.Read<HubHealthOptions>(builder.Configuration, HubHealthOptions.Section);
        builder.WebHost.UseUrls(health.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(60));

        builder.UseOrleans(silo => silo.AddHubSilo(builder.Configuration));
        var storage = builder.Configuration.GetSection(HubStorageOptions.Section).Get<HubStorageOptions>() ?? new HubStorageOptions();
        builder.Services.AddHubHealthChecks(storage, hostsSilo: true);
        return builder;
    }

    /// <summary>The health endpoints and the metrics scrape, and a line saying where they are once the silo has joined.</summary>
    public static WebApplication MapHubSiloEndpoints(this WebApplication app)
    {
        app.MapHubHealth();
        app.MapHubMetrics();
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var orleans = app.Services.GetRequiredService<IOptions<HubOrleansOptions>>().Value;
            Console.WriteLine($"OurSociety.Federation silo is ready: cluster {orleans.ClusterId}, silo port {orleans.SiloPort}, gateway port {orleans.GatewayPort}, health at {string.Join(", ", app.Urls)}/health/ready.");
        });
        return app;
    }
}
