using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using OurSociety.Federation.Api.Hosting;

namespace OurSociety.Federation.Api.Tests.SchemaContract;

/// <summary>
/// The hub's schema as <c>AddHubGraphQL</c> builds it, without a silo: building the schema calls no grain,
/// so tests of its shape need neither storage nor a cluster.
/// </summary>
public sealed class HubSchemaFixture : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddLogging().AddHubGraphQL().BuildServiceProvider();

    public ISchema Schema
    {
        get
        {
            var schema = _services.GetRequiredService<ISchema>();
            schema.Initialize();
            return schema;
        }
    }

    public void Dispose() => _services.Dispose();
}
