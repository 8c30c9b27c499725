using GraphQL;
using GraphQL.Execution;
using GraphQLParser.AST;
using OurSociety.Federation.Api.Common;
using OurSociety.Federation.Common;
using OurSociety.Federation.Hosting;
using OurSociety.Federation.Hosting.Health;
using OurSociety.Federation.Storage;

namespace OurSociety.Federation.Api.Hosting;

/// <summary>How the API process joins Orleans and serves GraphQL.</summary>
public static class HubApiBuilderExtensions
{
    /// <summary>
    /// Embedded (the default): the API hosts a silo itself, so one process is the whole hub. Client: the API is an
    /// Orleans client of separate Silo processes. Which one is configuration only (<c>Hub:Orleans:Mode</c>).
    /// </summary>
    public static WebApplicationBuilder AddHubOrleans(this WebApplicationBuilder builder)
    {
        var embedded = (builder.Configuration.GetSection(HubOrleansOptions.Section).Get<HubOrleansOptions>() ?? new HubOrleansOptions()).Mode == HubOrleansMode.Embedded;
        var options = HubSiloBuilderExtensions.BindOrleansOptions(builder.Services, builder.Configuration, hostsSilo: embedded);
        if (embedded)
        {
            builder.UseOrleans(silo => silo.AddHubSilo(builder.Configuration));
        }
        else
        {
            builder.Services.AddHubGrainServices();
            builder.Services.AddHubClientSettings(builder.Configuration);
            builder.UseOrleansClient(client => client.AddHubClient(options));

            // Kestrel starts beside the Orleans client rather than after it, so while no silo answers yet the API
            // already serves /health (not started, not ready) and GraphQL (UNAVAILABLE) instead of nothing.
            builder.Services.Configure<HostOptions>(o => o.ServicesStartConcurrently = true);
        }

        var storage = builder.Configuration.GetSection(HubStorageOptions.Section).Get<HubStorageOptions>() ?? new HubStorageOptions();
        builder.Services.AddHubHealthChecks(storage, hostsSilo: embedded);
        return builder;
    }

    /// <summary>The hub's schema, its per-request services and GraphQL.NET's executer.</summary>
    public static IServiceCollection AddHubGraphQL(this IServiceCollection services)
    {
        services.AddScoped<HubRequest>();
        services.AddSingleton<Transport.IGraphQLHttpCallerPolicy, UnavailablePolicy>();
        services.AddSingleton<Live.LiveFeeds>();
        services.AddHostedService(sp => sp.GetRequiredService<Live.LiveFeeds>());
        services.AddSingleton<Live.LiveIntroductions>();
        services.AddHostedService(sp => sp.GetRequiredService<Live.LiveIntroductions>());
        services.AddSingleton(new OrganisationCache(new Microsoft.Extensions.Caching.Memory.MemoryCache(
            new Microsoft.Extensions.Caching.Memory.MemoryCacheOptions { SizeLimit = 100_000 })));
        services.AddTransient(typeof(ConnectionGraphType<,>));
        services.AddTransient(typeof(EdgeGraphType<,>));
        services.AddGraphQL(graphql => graphql
            .AddSchema<HubSchema>()
            .AddSystemTextJson(json => json.Encoder = HubApp.JsonEncoder)
            .AddGraphTypes(typeof(HubSchema).Assembly)
            .AddValidationRule(PageSizeValidationRule.Instance, useForCachedDocuments: true)

            // An Apollo Federation v2 subgraph: Network, Organisation and Activity are entities other subgraphs may extend.
            // 2.3 rather than the newest: composers disagree on what later versions import (see docs/architecture.md).
            .AddFederation("2.3")

            // Most resolvers return at once from grain results already in hand; the parallel strategy's per-field
            // tasks cost more than they save. Grain fan-out is parallel inside resolvers and batch loaders instead.
            .AddExecutionStrategy(new SerialExecutionStrategy(), OperationType.Query)
            .AddUnhandledExceptionHandler(ctx =>
            {
                // A domain failure outside a mutation payload (say, a bad cursor) keeps its code and message.
                if (ctx.OriginalException is HubException hub)
                {
                    ctx.Exception = new ExecutionError(hub.Message) { Code = hub.Code };
                }
                else if (Unavailability.Is(ctx.OriginalException))
                {
                    // Storage or the cluster is not there right now: say so with a code the transport answers 503 to.
                    if ((ctx.FieldContext?.RequestServices ?? ctx.Context?.RequestServices)?.GetService<ILogger<UnavailablePolicy>>() is { } logger)
                    {
                        HubApiLog.DependencyUnavailable(logger, ctx.FieldContext?.FieldDefinition.Name ?? "(document)", ctx.OriginalException);
                    }

                    ctx.Exception = new ExecutionError(Unavailability.Message) { Code = Unavailability.Code };
                }
            }));
        return services;
    }
}
