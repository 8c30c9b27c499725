using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using OurSociety.Federation.Access;
using OurSociety.Federation.Api.Access;
using OurSociety.Federation.Api.Tests.Hub;
using OurSociety.Federation.National;

namespace OurSociety.Federation.Api.Tests.National;

/// <summary>
/// A hub of its own (the national view counts the whole hub) seeded with known public activity in one ISO week
/// (<see cref="Week"/>) in two regions, with cells of 1 to 4 so that suppression shows, five organisations joining (two
/// of which post, the newcomers), a link between the two networks, and one introduction in a network that opted in,
/// which connects. Seeding that crosses Monday 00:00 UTC is done again on a fresh hub, so every seeded count is in
/// <see cref="Week"/>.
/// </summary>
public sealed class DashboardHubFixture : IAsyncLifetime
{
    public const string North = "dash-north-east";
    public const string West = "dash-north-west";

    /// <summary>Public activity posted: network, kind, theme, how many.</summary>
    public static readonly (string Network, string Kind, string Theme, int Count)[] Seeded =
    [
        (North, "OFFER", "food", 8),
        (North, "STORY", "housing", 6),
        (North, "WANT", "transport", 2),
        (West, "OFFER", "food", 7),
        (West, "EVENT", "arts", 3),
    ];

    /// <summary>Organisations joining a network: three that take part below and two that only join.</summary>
    public const int Joined = 5;

    /// <summary>Newcomers: the organisations that post (the food bank and the cycle shop).</summary>
    public const int Newcomers = 2;

    private const string CreateNetwork = """
        mutation($slug: String!, $name: String!, $region: String!, $coordinator: String!) {
          createNetwork(input: { slug: $slug, name: $name, region: $region, coordinators: [$coordinator], joinPolicy: AUTOMATIC }) {
            network { slug } errors { code message field } } }
        """;

    private const string Post = """
        mutation($org: ID!, $slug: String!, $kind: ActivityKind!, $title: String!, $theme: String!) {
          postActivity(input: { networkSlug: $slug, organisationId: $org, kind: $kind, title: $title, themes: [$theme], visibility: PUBLIC }) {
            activity { id postedAt } errors { code message field } } }
        """;

    private const string ProposeLink = """
        mutation($slug: String!, $to: String!) { proposeLink(input: { networkSlug: $slug, toNetworkSlug: $to, sharedKinds: [OFFER, STORY] }) {
          link { state } errors { code message } } }
        """;

    private const string AcceptLink = """
        mutation($slug: String!, $from: String!) { acceptLink(input: { networkSlug: $slug, fromNetworkSlug: $from, sharedKinds: [OFFER] }) {
          link { state } errors { code message } } }
        """;

    private const string SetNational = """
        mutation($slug: String!) { setNationalStatistics(input: { networkSlug: $slug, optIn: true }) { network { slug } errors { code message } } }
        """;

    public HubHost Hub { get; private set; } = null!;

    /// <summary>The ISO week (e.g. 2026-W05) that everything was seeded in, as the API names weeks.</summary>
    public string Week { get; private set; } = "";

    /// <summary>The Monday 00:00 UTC <see cref="Week"/> starts at.</summary>
    public DateTimeOffset WeekStart { get; private set; }

    /// <summary>national(from:, to:) for <see cref="Week"/> alone.</summary>
    public object WeekRange => new { from = Utc(WeekStart), to = Utc(WeekStart.AddDays(7)) };

    /// <summary>A client with the national role.</summary>
    public HubClient NationalViewer => Hub.As("stats@ons.example", HubRoles.NationalViewer);

    /// <summary>A token for the national role, as the page's token field takes it.</summary>
    public string NationalViewerToken => Hub.Services.GetRequiredService<HubTokenIssuer>().Issue("stats@ons.example", HubRoles.NationalViewer);

    public async Task InitializeAsync()
    {
        // Seeding takes seconds: if it crossed into the next week, the counts are split between two weeks, so seed a
        // fresh hub again (it cannot cross twice).
        for (var attempt = 1; ; attempt++)
        {
            Hub = await HubHost.StartSqliteAsync();
            var weeks = await SeedAsync();
            if (weeks.Count == 1)
            {
                WeekStart = weeks.Single();
                Week = NationalWeeks.Of(WeekStart);
                break;
            }

            await Hub.DisposeAsync();
            if (attempt == 3)
            {
                throw new InvalidOperationException($"The dashboard hub was seeded across weeks {string.Join(", ", weeks.Select(NationalWeeks.Of))} three times.");
            }
        }

        await Eventually.TrueAsync(async () =>
        {
            await Task.WhenAll(new[] { North, West }.Select(s => Hub.Grains.GetNetworkStatistics(s).FlushAsync()));
            var national = (await NationalViewer.GraphQLAsync(
                "query($from: DateTime, $to: DateTime) { national(from: $from, to: $to) { weeklyTotals { count } newcomers { suppressed } membersJoined { count } introductions { requested connected } linkGraph { state } } }",
                WeekRange))["data"]!["national"]!;
            return national["linkGraph"]!.AsArray().Count == 1
                && national["weeklyTotals"]!.AsArray().Single()!["count"]?.GetValue<int>() == Seeded.Sum(s => s.Count)
                && national["newcomers"]!.AsArray().Single()!["suppressed"]!.GetValue<bool>()
                && national["membersJoined"]!.AsArray().Single()!["count"]?.GetValue<int>() == Joined
                && national["introductions"]!["requested"] is null && national["introductions"]!["connected"] is null;
        });
    }

    public async Task DisposeAsync() => await Hub.DisposeAsync();

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Seeds <see cref="Hub"/>; returns the starts of the ISO weeks it touched: the clock's before and after, and each post's postedAt.</summary>
    private async Task<SortedSet<DateTimeOffset>> SeedAsync()
    {
        var weeks = new SortedSet<DateTimeOffset> { NationalWeeks.StartOf(DateTimeOffset.UtcNow) };
        var admin = Hub.As("admin", HubRoles.Admin);
        var northCoordinator = Hub.As("amara@bsn.example");
        var westCoordinator = Hub.As("priya@gmva.example");
        await admin.MutateAsync("createNetwork", CreateNetwork, new { slug = North, name = "Big Society in the North", region = "North East", coordinator = "amara@bsn.example" });
        await admin.MutateAsync("createNetwork", CreateNetwork, new { slug = West, name = "Greater Manchester Voluntary Action", region = "North West", coordinator = "priya@gmva.example" });
        await northCoordinator.MutateAsync("setNationalStatistics", SetNational, new { slug = North });

        var foodBank = await MemberAsync("sam@foodbank.example", "Gateshead Food Bank", North);
        var tenants = await MemberAsync("jo@tenants.example", "Tyneside Tenants", North);
        var salford = await MemberAsync("lee@salford.example", "Salford Cycles", West);
        await MemberAsync("kim@ordsall.example", "Ordsall Community Garden", West);
        await MemberAsync("ash@eccles.example", "Eccles Youth Club", West);
        foreach (var (network, kind, theme, count) in Seeded)
        {
            var (person, org) = network == North ? foodBank : salford;
            for (var i = 0; i < count; i++)
            {
                var posted = await person.MutateAsync("postActivity", Post, new { org, slug = network, kind, title = $"{kind} {theme} {i}", theme });
                weeks.Add(NationalWeeks.StartOf(DateTimeOffset.Parse(posted.Str("activity.postedAt"), CultureInfo.InvariantCulture)));
            }
        }

        await northCoordinator.MutateAsync("proposeLink", ProposeLink, new { slug = North, to = West });
        await Eventually.TrueAsync(async () =>
            (await westCoordinator.GraphQLAsync("query($slug: String!) { network(slug: $slug) { links(state: PROPOSED) { to { slug } } } }", new { slug = West }))
                ["data"]!["network"]!["links"]!.AsArray().Count == 1);
        await westCoordinator.MutateAsync("acceptLink", AcceptLink, new { slug = West, from = North });

        var requested = await northCoordinator.MutateAsync("requestIntroduction", IntroductionsTests.Request,
            new { a = foodBank.Org, b = tenants.Org, reason = "A room and drivers.", broker = North });
        var id = requested.Str("introduction.id");
        await foodBank.Person.MutateAsync("respondToIntroduction", IntroductionsTests.Respond, new { id, accept = true });
        await tenants.Person.MutateAsync("respondToIntroduction", IntroductionsTests.Respond, new { id, accept = true });
        weeks.Add(NationalWeeks.StartOf(DateTimeOffset.UtcNow));
        return weeks;
    }

    /// <summary>A person registers an organisation that joins <paramref name="network"/> (joins are automatic there).</summary>
    private async Task<(HubClient Person, string Org)> MemberAsync(string subject, string name, string network)
    {
        var person = Hub.As(subject);
        var org = (await person.MutateAsync("registerOrganisation", Tour.RegisterOrganisation, new { name })).Str("organisation.id");
        await person.MutateAsync("joinNetwork", Tour.Join, new { org, slug = network });
        await Eventually.TrueAsync(async () =>
            (await Hub.GraphQLAsync("query($id: ID!) { organisation(id: $id) { networks { slug } } }", new { id = org }))["data"]!["organisation"]!["networks"]!.AsArray().Count == 1);
        return (person, org);
    }
}

[CollectionDefinition(Name)]
public sealed class DashboardHubCollection : ICollectionFixture<DashboardHubFixture>
{
    public const string Name = "National dashboard hub";
}
