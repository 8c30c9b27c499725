using System.Text.Encodings.Web;
using OurSociety.Federation.Api.Access;
using OurSociety.Federation.Api.Dashboard;
using OurSociety.Federation.Api.National;
using OurSociety.Federation.Api.Transport;
using OurSociety.Federation.Hosting.Health;

namespace OurSociety.Federation.Api.Hosting;

/// <summary>The hub's web application, built the same way by <c>Program</c>, the tests and the benchmarks.</summary>
public static class HubApp
{
    /// <param name="configure">A last say over configuration and services, for tests and benchmarks.</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        builder.AddHubOrleans();
        builder.Services.AddHubGraphQL();
        builder.Services.AddGraphQLHttp(builder.Configuration);
        builder.Services.AddGraphQLWebSocket(builder.Configuration);
        builder.AddHubAuthentication();
        builder.AddHubRateLimiting();
        builder.AddHubOperations();

        var app = builder.Build();
        app.UseWebSockets();
        app.UseAuthentication();

        // After authentication, so a signed-in caller is counted by subject rather than by address.
        app.UseRateLimiter();
        app.MapGraphQLHttp("/graphql").RequireRateLimiting(HubRateLimitingExtensions.PolicyName);
        app.MapHubHealth();
        app.MapHubOperations();
        app.MapNationalOpenData();
        app.MapNationalDashboard();
        return app;
    }

    /// <summary>JSON as GraphQL clients expect it: no escaping of '+' or non-ASCII text (responses are never embedded in HTML).</summary>
    public static JavaScriptEncoder JsonEncoder => JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
}
