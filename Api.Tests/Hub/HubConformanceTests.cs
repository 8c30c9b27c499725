using OurSociety.Federation.Api.Tests.Transport;
using Xunit.Abstractions;

namespace OurSociety.Federation.Api.Tests.Hub;

/// <summary>graphql-http's server audits against the whole hub (its schema, sign-in, limits and rate limiting in front of the transport).</summary>
[Collection(NodeCollection.Name)]
public sealed class HubConformanceTests(SqliteHubFixture fixture, ITestOutputHelper output) : IClassFixture<SqliteHubFixture>
{
    [NodeFact]
    public async Task The_running_hub_passes_every_audit_with_no_failed_must_and_no_warning()
    {
        var url = new Uri(fixture.Hub.Http.BaseAddress!, "/graphql").ToString();

        var lines = await GraphqlHttpAudit.RunAsync(url, output);

        Assert.DoesNotContain(lines, line => line.StartsWith("warn\t", StringComparison.Ordinal));
    }
}
