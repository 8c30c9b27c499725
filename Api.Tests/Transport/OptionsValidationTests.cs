using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OurSociety.Federation.Api.Transport;

namespace OurSociety.Federation.Api.Tests.Transport;

public sealed class OptionsValidationTests
{
    [Theory]
    [InlineData("Hub:GraphQL:MaxRequestBodySize", "10")]
    [InlineData("Hub:GraphQL:ExecutionTimeout", "00:00:00")]
    [InlineData("Hub:GraphQL:ExecutionTimeout", "01:00:00")]
    [InlineData("Hub:GraphQL:DocumentCacheSizeLimit", "-1")]
    [InlineData("Hub:GraphQL:MaxDepth", "1")]
    [InlineData("Hub:GraphQL:MaxComplexity", "0")]
    public async Task A_bad_setting_stops_the_host_at_start(string key, string value)
    {
        await using var app = TransportHost.Build(
            new Dictionary<string, string?> { [key] = value },
            builder => builder.WebHost.UseTestServer());

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(key.Split(':')[^1], failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settings_are_bound_from_the_hub_graphql_section()
    {
        await using var app = TransportHost.Build(
            new Dictionary<string, string?>
            {
                ["Hub:GraphQL:MaxRequestBodySize"] = "4096",
                ["Hub:GraphQL:ExecutionTimeout"] = "00:00:03",
                ["Hub:GraphQL:DocumentCacheSizeLimit"] = "0",
                ["Hub:GraphQL:MaxDepth"] = "8",
                ["Hub:GraphQL:MaxComplexity"] = "500",
                ["Hub:GraphQL:Introspection"] = "false",
                ["Hub:GraphQL:GraphiQL"] = "false",
            },
            builder => builder.WebHost.UseTestServer());

        var options = app.Services.GetRequiredService<IOptions<GraphQLHttpOptions>>().Value;

        Assert.Equal(4096, options.MaxRequestBodySize);
        Assert.Equal(TimeSpan.FromSeconds(3), options.ExecutionTimeout);
        Assert.Equal(0, options.DocumentCacheSizeLimit);
        Assert.Equal(8, options.MaxDepth);
        Assert.Equal(500, options.MaxComplexity);
        Assert.False(options.Introspection);
        Assert.False(options.GraphiQL);
    }
}
