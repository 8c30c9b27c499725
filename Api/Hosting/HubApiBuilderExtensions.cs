using GraphQL;
using GraphQL.Execution;
using GraphQLParser.AST;
using OurSociety.Federation.Api.Common;
using OurSociety.Federation.Common;
using OurSociety.Federation.Hosting;

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
        var options = HubSiloBuilderExtensions.BindOrleansOptions(builder.Services, builder.Configuration);
        if (options.Mode == HubOrleansMode.Embedded)
        {
            builder.UseOrleans(silo => silo.AddHubSilo(builder.Configuration));
        }
        else
        {
            builder.Services.AddHubGrainServices();
            builder.UseOrleansClient(client => client.UseLocalhostClustering(options.GatewayPort, options.ServiceId, options.ClusterId));
        }

        return builder;
    }

    /// <summary>The hub's schema, its per-request services and GraphQL.NET's executer.</summary>
    public static IServiceCollection AddHubGraphQL(this IServiceCollection services)
    {
        services.AddScoped<HubRequest>();
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
            }));
        return services;
    }
}
