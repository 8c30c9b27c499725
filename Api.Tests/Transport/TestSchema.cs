using GraphQL.Types;

namespace OurSociety.Federation.Api.Tests.Transport;

/// <summary>A schema of its own, so the transport is tested apart from the hub's real schema.</summary>
public sealed class TestSchema : Schema
{
    public TestSchema(IServiceProvider services)
        : base(services)
    {
        Query = new TestQueryType();
        Mutation = new TestMutationType();
        Subscription = new TestSubscriptionType();
    }
}
