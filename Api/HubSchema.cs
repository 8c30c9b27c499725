using GraphQL.Types;
using OurSociety.Federation.Api.Common;

namespace OurSociety.Federation.Api;

/// <summary>The hub's GraphQL schema: one instance per process (building it is the costly part).</summary>
public sealed class HubSchema : Schema
{
    public HubSchema(IServiceProvider services, HubQuery query, HubMutation mutation, HubSubscription subscription)
        : base(services)
    {
        Description = "OurSociety.Federation: regional civil-society networks, their member organisations and their activity feeds.";
        Query = query;
        Mutation = mutation;
        Subscription = subscription;
        RegisterTypeMapping(typeof(DateTimeOffset), typeof(DateTimeScalar));
    }
}
