using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Orleans.Dashboard;
using OurSociety.Federation.Access;
using OurSociety.Federation.Api.Access;
using OurSociety.Federation.Hosting;

namespace OurSociety.Federation.Api.Hosting;

/// <summary>What an operator needs from the Api: its graceful-stop timeout, OpenTelemetry and the Orleans dashboard.</summary>
public static class HubOperationsExtensions
{
    /// <summary>The authorization policy of the dashboard: a bearer token with the hub's admin role.</summary>
    public const string DashboardPolicy = "HubDashboard";

    /// <summary>
    /// <c>HostOptions:ShutdownTimeout</c>; metrics and traces of ASP.NET Core, Orleans and Npgsql as <c>Hub:Telemetry</c>
    /// says; and, when <c>Hub:Dashboard:Enabled</c>, the dashboard's services and its admin-only policy. In client mode
    /// the dashboard and trace propagation are added to the Orleans client; in embedded mode the co-hosted silo has them.
    /// </summary>
    public static WebApplicationBuilder AddHubOperations(this WebApplicationBuilder builder)
    {
        builder.AddHubShutdownTimeout();
        builder.AddHubTelemetry(
            "oursociety-api",
            metrics: metrics => metrics.AddAspNetCoreInstrumentation(),
            tracing: traces => traces.AddAspNetCoreInstrumentation());

        var orleans = HubSettings.Read<HubOrleansOptions>(builder.Configuration, HubOrleansOptions.Section);
        var telemetry = HubSettings.Read<HubTelemetryOptions>(builder.Configuration, HubTelemetryOptions.Section);
        var dashboard = HubTelemetryExtensions.BindDashboardOptions(builder.Services, builder.Configuration);
        if (orleans.Mode == HubOrleansMode.Client && telemetry.ExporterKind == HubTelemetryExporter.Otlp)
        {
            // UseOrleansClient again configures the one client AddHubOrleans set up.
            builder.UseOrleansClient(client => client.AddActivityPropagation());
        }

        if (dashboard.Enabled)
        {
            if (orleans.Mode == HubOrleansMode.Client)
            {
                builder.UseOrleansClient(client => client.AddDashboard(dashboard.Apply));
            }

            // The policy names its scheme, so it authenticates the request itself wherever it runs in the pipeline.
            builder.Services.AddAuthorizationBuilder().AddPolicy(DashboardPolicy, policy => policy
                .AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser()
                .RequireClaim(HubIdentity.RoleClaimType, nameof(HubRoles.Admin)));
            builder.Services.AddHubDashboardCookie(dashboard);
        }

        return builder;
    }

    /// <summary>The Prometheus scrape endpoint when that is the exporter, and the dashboard behind <see cref="DashboardPolicy"/> when enabled.</summary>
    public static WebApplication MapHubOperations(this WebApplication app)
    {
        app.MapHubMetrics();

        var dashboard = app.Services.GetRequiredService<IOptions<HubDashboardOptions>>().Value;
        if (dashboard.Enabled)
        {
            // After authentication and rate limiting, so those run first; a missing or bad token gets 401, a token
            // without the admin role 403, and nothing of the dashboard is served to either.
            app.UseAuthorization();
            app.MapHubDashboardSignIn(dashboard);
            app.MapOrleansDashboard(dashboard.Path).RequireAuthorization(DashboardPolicy);
        }

        return app;
    }
}
