using Xunit.Abstractions;

namespace OurSociety.Federation.Api.Tests.Transport;

/// <summary>
/// graphql-http's server audits (the GraphQL-over-HTTP spec's reference suite) against the transport
/// on a real socket. MUST audits have to pass; SHOULD and MAY results are listed in the test output.
/// </summary>
[Collection(NodeCollection.Name)]
public sealed class ConformanceTests(LoopbackTransportHost host, ITestOutputHelper output) : IClassFixture<LoopbackTransportHost>
{
    [NodeFact]
    public async Task Graphql_http_server_audits_report_no_must_failures()
    {
        await GraphqlHttpAudit.RunAsync(host.GraphQLUrl, output);
    }
}
