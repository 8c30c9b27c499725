namespace OurSociety.Federation.Api.Tests.Hub;

/// <summary>The tour over HTTP, then a full stop and start of the hub: everything is still there, on both backends.</summary>
public sealed class HubSurvivesRestartTests
{
    [Fact]
    public async Task On_the_embedded_store_everything_survives_a_restart()
    {
        await using var hub = await HubHost.StartSqliteAsync();
        await TourThenRestartAsync(hub);
    }

    [PostgresFact]
    public async Task On_PostgreSQL_everything_survives_a_restart()
    {
        await using var hub = await HubHost.StartPostgresAsync(await TestPostgres.CreateDatabaseAsync());
        await TourThenRestartAsync(hub);
    }

    [Fact]
    public async Task On_the_embedded_store_links_and_what_they_share_survive_a_restart()
    {
        await using var hub = await HubHost.StartSqliteAsync();
        await LinksThenRestartAsync(hub);
    }

    [PostgresFact]
    public async Task On_PostgreSQL_links_and_what_they_share_survive_a_restart()
    {
        await using var hub = await HubHost.StartPostgresAsync(await TestPostgres.CreateDatabaseAsync());
        await LinksThenRestartAsync(hub);
    }

    private static async Task LinksThenRestartAsync(HubHost hub)
    {
        const string Links = "query($slug: String!) { network(slug: $slug) { links { state sharedKinds receivedKinds since to { slug } } } }";
        var (a, b) = await LinkedNetworksTests.LinkedAsync(hub);
        var linked = await a.FirstPerson.GraphQLAsync(LinkedNetworksTests.FederatedFeed, new { slug = a.Slug, first = 20 });
        var links = await hub.GraphQLAsync(Links, new { slug = b.Slug });

        await hub.RestartAsync();

        Assert.Equal(linked.ToJsonString(), (await a.FirstPerson.GraphQLAsync(LinkedNetworksTests.FederatedFeed, new { slug = a.Slug, first = 20 })).ToJsonString());
        Assert.Equal(links.ToJsonString(), (await hub.GraphQLAsync(Links, new { slug = b.Slug })).ToJsonString());

        // A suspension made before a restart still holds after it, on the side that made it and in what its feed shares.
        await b.Coordinator.MutateAsync("suspendLink", LinkedNetworksTests.SuspendLink, new { slug = b.Slug, other = a.Slug });
        await hub.RestartAsync();
        var feed = await a.FirstPerson.GraphQLAsync(LinkedNetworksTests.FederatedFeed, new { slug = a.Slug, first = 20 });
        Assert.DoesNotContain(b.Slug, feed["data"]!["federatedFeed"]!["edges"]!.Values(e => e!.Str("node.originNetwork.slug")));
        Assert.Equal("SUSPENDED", (await hub.GraphQLAsync(Links, new { slug = b.Slug }))["data"]!["network"]!["links"]![0]!.Str("state"));
    }

    private static async Task TourThenRestartAsync(HubHost hub)
    {
        var tour = await Tour.RunAsync(hub);
        var (slug, first, second) = tour;
        var before = Tour.NetworkOf(await hub.GraphQLAsync(Tour.Network, new { slug }));

        await hub.RestartAsync();

        var after = Tour.NetworkOf(await hub.GraphQLAsync(Tour.Network, new { slug }));
        Assert.Equal(before.ToJsonString(), after.ToJsonString());
        Assert.Equal(2, after["memberCount"]!.GetValue<int>());
        Assert.Equal([first, second], after["members"]!["edges"]!.Values(e => e!["node"]!.Str("id")));
        Assert.All(after["members"]!["edges"]!.AsArray(), e => Assert.Equal(slug, e!["node"]!["networks"]![0]!.Str("slug")));

        // The public sees the public offer; the members-only post is there for members.
        Assert.Equal(["Spare room to lend"], after["feed"]!["edges"]!.Values(e => e!["node"]!.Str("title")));
        var memberView = Tour.NetworkOf(await tour.SecondPerson.GraphQLAsync(Tour.Network, new { slug }));
        Assert.Equal(["Members: committee notes", "Spare room to lend"], memberView["feed"]!["edges"]!.Values(e => e!["node"]!.Str("title")));

        var organisation = await hub.GraphQLAsync("query($id: ID!) { organisation(id: $id) { name networks { slug } } }", new { id = first });
        Assert.Equal("Gateshead Food Bank", organisation["data"]!["organisation"]!.Str("name"));
    }
}
