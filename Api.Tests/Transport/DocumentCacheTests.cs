using System.Net;

namespace OurSociety.Federation.Api.Tests.Transport;

public sealed class DocumentCacheTests(TransportHost host) : IClassFixture<TransportHost>
{
    private readonly HttpClient _client = host.Client;

    [Fact]
    public async Task A_repeated_query_is_parsed_and_validated_once()
    {
        var query = $"query Q($name: String) {{ {Unique.Alias()}: hello(name: $name) }}";

        var first = await _client.PostJsonAsync(new { query, variables = new { name = "one" } });
        var second = await _client.PostJsonAsync(new { query, variables = new { name = "two" } });
        var third = await _client.GetAsync([("query", query), ("variables", """{"name":"three"}""")]);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Contains("Hello, two!", second.Body, StringComparison.Ordinal);
        Assert.Contains("Hello, three!", third.Body, StringComparison.Ordinal);
        Assert.Equal(1, host.Validations.ValidationsOf(query));
    }

    [Fact]
    public async Task Variables_are_still_coerced_for_a_cached_document()
    {
        var query = $"query Q($name: String!) {{ {Unique.Alias()}: hello(name: $name) }}";
        await _client.PostJsonAsync(new { query, variables = new { name = "ok" } });

        var response = await _client.PostJsonAsync(new { query, variables = new { name = (string?)null } });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["INVALID_VALUE"], response.ErrorCodes);
    }

    [Fact]
    public async Task A_document_that_failed_validation_is_not_cached()
    {
        var query = $"{{ {Unique.Alias()}: hello unknownField }}";

        await _client.PostJsonAsync(new { query });
        var again = await _client.PostJsonAsync(new { query });

        Assert.Equal(HttpStatusCode.BadRequest, again.Status);
        Assert.Equal(2, host.Validations.ValidationsOf(query));
    }

    [Fact]
    public async Task A_different_query_text_is_a_different_entry()
    {
        var alias = Unique.Alias();
        var compact = $"{{ {alias}: hello }}";
        var spaced = $"{{  {alias}: hello }}";

        await _client.PostJsonAsync(new { query = compact });
        await _client.PostJsonAsync(new { query = spaced });

        Assert.Equal(1, host.Validations.ValidationsOf(compact));
        Assert.Equal(1, host.Validations.ValidationsOf(spaced));
    }
}
