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
