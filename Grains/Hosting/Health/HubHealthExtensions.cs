using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OurSociety.Federation.Storage;

namespace OurSociety.Federation.Hosting.Health;

/// <summary>
/// The hub's three health endpoints, the same on the Api and the Silo, as ASP.NET Core health checks:
/// <c>/health/live</c> (the process answers; touches nothing else), <c>/health/ready</c> (in the cluster or connected
/// to it, storage reachable) and <c>/health/startup</c> (finished starting). 200 when healthy, 503 otherwise, with a
/// small JSON body naming each check's status and why.
/// </summary>
public static class HubHealthExtensions
{
    /// <summary>
    /// Registers the checks for a process that hosts a silo (<paramref name="hostsSilo"/>) or is a client of one; the
    /// storage check when grain state is in PostgreSQL (the embedded file database is in the process itself).
    /// </summary>
    public static IServiceCollection AddHubHealthChecks(this IServiceCollection services, HubStorageOptions storage, bool hostsSilo)
    {
        var checks = services.AddHealthChecks()
            .AddCheck("process", () => HealthCheckResult.Healthy("Answering."), [HubHealthTags.Live])
            .AddCheck<StartupHealthCheck>("started", tags: [HubHealthTags.Startup]);
        if (hostsSilo)
        {
            checks.AddCheck<SiloMembershipHealthCheck>("cluster", tags: [HubHealthTags.Ready]);
        }
        else
        {
            checks.AddCheck<ClusterClientHealthCheck>("cluster", tags: [HubHealthTags.Ready]);
        }

        if (storage.Provider == StorageProvider.PostgreSql)
        {
            services.AddSingleton<PostgreSqlHealthCheck>();
            checks.AddCheck<PostgreSqlHealthCheck>("storage", tags: [HubHealthTags.Ready]);
        }

        return services;
    }

    /// <summary>Maps <c>/health/live</c>, <c>/health/ready</c> and <c>/health/startup</c>.</summary>
    public static IEndpointRouteBuilder MapHubHealth(this IEndpointRouteBuilder endpoints)
    {
        foreach (var tag in new[] { HubHealthTags.Live, HubHealthTags.Ready, HubHealthTags.Startup })
        {
            endpoints.MapHealthChecks($"/health/{tag}", new HealthCheckOptions
            {
                Predicate = check => check.Tags.Contains(tag),
                ResponseWriter = WriteAsync,
            }).DisableRateLimiting();
        }

        return endpoints;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var body = new Dictionary<string, object>
        {
            ["status"] = report.Status.ToString(),
            ["checks"] = report.Entries.ToDictionary(
                e => e.Key,
                e => new Dictionary<string, string?> { ["status"] = e.Value.Status.ToString(), ["description"] = e.Value.Description }),
        };
        return JsonSerializer.SerializeAsync(context.Response.Body, body, cancellationToken: context.RequestAborted);
    }
}
