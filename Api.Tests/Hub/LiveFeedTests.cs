using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OurSociety.Federation.Api.Live;
using OurSociety.Federation.Api.Tests.Transport;

namespace OurSociety.Federation.Api.Tests.Hub;

/// <summary><c>feedUpdated</c> over graphql-transport-ws against the real hub: what each reader hears, and when it stops.</summary>
public sealed class LiveFeedTests(SqliteHubFixture fixture) : IClassFixture<SqliteHubFixture>
{
    private const string FeedUpdated = "subscription($slug: String!) { feedUpdated(networkSlug: $slug) { title visibility originNetwork { slug } } }";

    private readonly HubHost _hub = fixture.Hub;

    private Uri WebSocketUrl => new UriBuilder(new Uri(_hub.Http.BaseAddress!, "/graphql")) { Scheme = "ws" }.Uri;

    [Fact]
    public async Task A_member_hears_its_networks_posts_and_what_links_share_until_a_link_is_suspended_and_leaving_cleans_up()
    {
        var (a, b) = await LinkedNetworksTests.LinkedAsync(_hub);
        await using var member = await SubscribeAsync(a.FirstPerson, a.Slug);
        await using var anonymous = await SubscribeAsync(_hub.Anonymous, a.Slug);

        await PostAsync(a.FirstPerson, a.Slug, a.First, "A public", "PUBLIC");
        await PostAsync(b.SecondPerson, b.Slug, b.Second, "B linked offer", "LINKED");
        await PostAsync(b.SecondPerson, b.Slug, b.Second, "B members only", "NETWORK");
        await PostAsync(a.SecondPerson, a.Slug, a.Second, "A members only", "NETWORK");
        await PostAsync(b.FirstPerson, b.Slug, b.First, "B public offer", "PUBLIC");

        Assert.Equal(["A public", "B linked offer", "A members only", "B public offer"], await TitlesAsync(member, 4));
        Assert.Equal(["A public", "B public offer"], await TitlesAsync(anonymous, 2));

        // B suspends: its items stop at once; A's own keep coming.
        await b.Coordinator.MutateAsync("suspendLink", LinkedNetworksTests.SuspendLink, new { slug = b.Slug, other = a.Slug });
        await PostAsync(b.FirstPerson, b.Slug, b.First, "B after suspension", "PUBLIC");
        await PostAsync(a.FirstPerson, a.Slug, a.First, "A after suspension", "PUBLIC");
        Assert.Equal(["A after suspension"], await TitlesAsync(member, 1));
        Assert.Equal(["A after suspension"], await TitlesAsync(anonymous, 1));

        // Readers that leave are dropped, and with the last one the process stops watching the network.
        var live = _hub.Services.GetRequiredService<LiveFeeds>();
        Assert.Equal(2, live.ReadersOf(a.Slug));
        await member.CompleteAsync("feed");
        anonymous.Abort();
        await Eventually.TrueAsync(() => Task.FromResult(live.ReadersOf(a.Slug) == 0));
    }

    [Fact]
    public async Task Watching_an_unknown_network_gets_a_coded_error_and_the_operation_ends()
    {
        await using var client = await WebSocketTestClient.ConnectAsync(WebSocketUrl);
        await client.InitAsync();
        await client.SubscribeAsync("feed", FeedUpdated, new { slug = "no-such-network" });

        // As graphql-ws's reference server does when the source stream cannot be created: one result with the error, then complete.
        var message = await client.ReceiveAsync();
        Assert.Equal("next", (string?)message["type"]);
        Assert.Equal("NETWORK_NOT_FOUND", (string?)message["payload"]!["errors"]![0]!["extensions"]!["code"]);
        Assert.Equal("complete", (string?)(await client.ReceiveAsync())["type"]);
    }

    private async Task<WebSocketTestClient> SubscribeAsync(HubClient reader, string slug)
    {
        var client = await WebSocketTestClient.ConnectAsync(WebSocketUrl);
        await client.InitAsync(reader.Token is { } token ? new { Authorization = "Bearer " + token } : null);
        await client.SubscribeAsync("feed", FeedUpdated, new { slug });

        // The subscription is live once the process watches the network; posts before that are not promised.
        var live = _hub.Services.GetRequiredService<LiveFeeds>();
        await Eventually.TrueAsync(() => Task.FromResult(live.ReadersOf(slug) > 0));
        return client;
    }

    private static async Task<string[]> TitlesAsync(WebSocketTestClient client, int count)
    {
        var titles = new List<string>();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (titles.Count < count)
        {
            var message = await client.ReceiveAsync().WaitAsync(deadline.Token);
            Assert.Equal("next", (string?)message["type"]);
            Assert.Null(message["payload"]!["errors"]);
            titles.Add((string)message["payload"]!["data"]!["feedUpdated"]!["title"]!);
        }

        return [.. titles];
    }

    private static Task<JsonNode> PostAsync(HubClient person, string slug, string org, string title, string visibility) =>
        person.MutateAsync("postActivity", Tour.Post, new { org, slug, title, visibility });
}
