using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;

namespace OurSociety.Federation.Cluster.Tests;

/// <summary>
/// What a check of the hub's data found against what the hub acknowledged. <see cref="Detail"/> names what is missing or
/// duplicated, with the attempts made for it; two tallies are equal when their counts are.
/// </summary>
public sealed record Tally(int Acknowledged, int Found, int Duplicated, int Missing)
{
    public string Detail { get; init; } = "";

    public bool Equals(Tally? other) =>
        other is not null && (Acknowledged, Found, Duplicated, Missing) == (other.Acknowledged, other.Found, other.Duplicated, other.Missing);

    public override int GetHashCode() => HashCode.Combine(Acknowledged, Found, Duplicated, Missing);

    public override string ToString() =>
        $"acknowledged {Acknowledged}, found {Found}, duplicated {Duplicated}, missing {Missing}{(Detail.Length > 0 ? $"\n{Detail}" : "")}";
}

/// <summary>
/// A network with two member organisations, and a steady stream of writes with client request ids against it: each
/// organisation posts activities (<c>postActivity</c>), and the coordinator asks for introductions between the two,
/// which both then accept (<c>requestIntroduction</c>, <c>respondToIntroduction</c>). Every loop is bounded in count
/// and ends when told to stop. Acknowledged writes are recorded, so <see cref="VerifyAsync"/> can count them in the hub.
/// </summary>
public sealed class Workload
{
    private const int MaxPerLoop = 2_000;

    private static readonly string[] _coordinators = ["coordinator@hub.example"];

    private const string Post = """
        mutation($input: PostActivityInput!) { postActivity(input: $input) { activity { id title } errors { code message } } }
        """;

    private const string RequestIntroduction = """
        mutation($input: RequestIntroductionInput!) { requestIntroduction(input: $input) { introduction { id state } errors { code message } } }
        """;

    private const string Respond = """
        mutation($input: RespondToIntroductionInput!) { respondToIntroduction(input: $input) { introduction { id state } errors { code message } } }
        """;

    private readonly ConcurrentBag<string> _posts = [];
    private readonly ConcurrentBag<string> _introductions = [];
    private readonly ConcurrentBag<string> _connected = [];
    private readonly ConcurrentDictionary<string, int> _introductionNumbers = new(StringComparer.Ordinal);
    private string _admin = null!;
    private string _coordinator = null!;
    private string _sam = null!;
    private string _jo = null!;
    private string _a = null!;
    private string _b = null!;

    private Workload(RetryingClient client, string slug)
    {
        Client = client;
        Slug = slug;
    }

    public RetryingClient Client { get; }

    public string Slug { get; }

    public int Acknowledged => _posts.Count + _introductions.Count + (2 * _connected.Count);

    /// <summary>Creates the network and its two organisations through the API.</summary>
    public static async Task<Workload> CreateAsync(LocalCluster cluster, Stopwatch clock)
    {
        var slug = $"cluster-{Guid.NewGuid():N}"[..24];
        var world = new Workload(new RetryingClient(cluster.Client, clock), slug);
        var tokens = await Task.WhenAll(
            cluster.TokenAsync("admin@hub.example", admin: true),
            cluster.TokenAsync("coordinator@hub.example"),
            cluster.TokenAsync("sam@foodbank.example"),
            cluster.TokenAsync("jo@tenants.example"));
        (world._admin, world._coordinator, world._sam, world._jo) = (tokens[0], tokens[1], tokens[2], tokens[3]);
        await world.SetUpAsync();
        return world;
    }

    /// <summary>Runs the three write loops until <paramref name="stop"/> is cancelled or each has made its bounded number of writes.</summary>
    public Task RunAsync(CancellationToken stop) => Task.WhenAll(
        PostLoopAsync(_sam, _a, "sam", stop),
        PostLoopAsync(_jo, _b, "jo", stop),
        IntroductionLoopAsync(stop));

    /// <summary>Counts what the hub holds: every acknowledged post once in the feed, every acknowledged introduction once, connected when both said yes.</summary>
    public async Task<Tally> VerifyAsync()
    {
        var titles = new Dictionary<string, int>(StringComparer.Ordinal);
        var where = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var position = 0;
        string? after = null;
        do
        {
            var page = (await Client.QueryAsync(_sam, """
                query($slug: String!, $after: Cursor) { network(slug: $slug) { feed(first: 100, after: $after) { edges { cursor node { id title } } pageInfo { hasNextPage endCursor } } } }
                """, new { slug = Slug, after }))["network"]!["feed"]!;
            foreach (var edge in page["edges"]!.AsArray())
            {
                var title = edge!["node"]!["title"]!.GetValue<string>();
                titles[title] = titles.GetValueOrDefault(title) + 1;
                (where.TryGetValue(title, out var seen) ? seen : where[title] = []).Add($"#{position++} cursor {edge["cursor"]} id {edge["node"]!["id"]}");
            }

            after = page["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? page["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
        }
        while (after is not null);

        var introductions = new Dictionary<string, (int Count, string State)>(StringComparer.Ordinal);
        after = null;
        do
        {
            var page = (await Client.QueryAsync(_coordinator, """
                query($slug: String!, $after: Cursor) { introductions(networkSlug: $slug, first: 100, after: $after) { edges { node { id state } } pageInfo { hasNextPage endCursor } } }
                """, new { slug = Slug, after }))["introductions"]!;
            foreach (var edge in page["edges"]!.AsArray())
            {
                var id = edge!["node"]!["id"]!.GetValue<string>();
                introductions[id] = (introductions.GetValueOrDefault(id).Count + 1, edge["node"]!["state"]!.GetValue<string>());
            }

            after = page["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? page["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
        }
        while (after is not null);

        var posts = _posts.ToHashSet(StringComparer.Ordinal);
        var asked = _introductions.ToHashSet(StringComparer.Ordinal);
        var connected = _connected.ToHashSet(StringComparer.Ordinal);
        var found = posts.Count(t => titles.GetValueOrDefault(t) == 1)
            + asked.Count(id => introductions.GetValueOrDefault(id).Count == 1)
            + (2 * connected.Count(id => introductions.GetValueOrDefault(id).State == "CONNECTED"));
        var duplicated = titles.Count(t => t.Value > 1) + introductions.Count(i => i.Value.Count > 1);
        var acknowledged = posts.Count + asked.Count + (2 * connected.Count);
        return new Tally(acknowledged, found, duplicated, acknowledged - found)
        {
            Detail = Describe(titles, where, introductions, posts, asked, connected),
        };
    }

    /// <summary>Each post or introduction that is missing, duplicated or not as acknowledged, with where it is and what its attempts got.</summary>
    private string Describe(
        Dictionary<string, int> titles,
        Dictionary<string, List<string>> where,
        Dictionary<string, (int Count, string State)> introductions,
        HashSet<string> posts,
        HashSet<string> asked,
        HashSet<string> connected)
    {
        var lines = new List<string>();
        foreach (var title in posts.Where(t => titles.GetValueOrDefault(t) == 0).Order(StringComparer.Ordinal))
        {
            lines.Add($"missing post {title}: {Client.History(title)}");
        }

        foreach (var (title, count) in titles.Where(t => t.Value > 1).OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            lines.Add($"duplicated post {title} × {count}{(posts.Contains(title) ? "" : " (never acknowledged)")} at {string.Join(", ", where[title])}: {Client.History(title)}");
        }

        var unacknowledged = titles.Keys.Where(t => !posts.Contains(t)).Order(StringComparer.Ordinal).ToArray();
        if (unacknowledged.Length > 0)
        {
            lines.Add($"present but never acknowledged ({unacknowledged.Length}): {string.Join(", ", unacknowledged.Select(t => $"{t} [{Client.History(t)}]"))}");
        }

        foreach (var id in asked.Where(id => introductions.GetValueOrDefault(id).Count == 0).Order(StringComparer.Ordinal))
        {
            lines.Add($"missing introduction {id}: {History(id, "intro")}");
        }

        foreach (var (id, (count, _)) in introductions.Where(i => i.Value.Count > 1).OrderBy(i => i.Key, StringComparer.Ordinal))
        {
            lines.Add($"duplicated introduction {id} × {count}: {History(id, "intro")}");
        }

        foreach (var id in connected.Where(id => introductions.TryGetValue(id, out var i) && i.State != "CONNECTED").Order(StringComparer.Ordinal))
        {
            lines.Add($"introduction {id} acknowledged as connected is {introductions[id].State}: {History(id, "answer")}");
        }

        return string.Join("\n", lines);
    }

    /// <summary>The attempts for an introduction's request (<paramref name="what"/> "intro") or its two answers ("answer").</summary>
    private string History(string id, string what) => _introductionNumbers.TryGetValue(id, out var i)
        ? what == "intro" ? Client.History($"intro-{i}") : $"a: {Client.History($"answer-{i}-a")}; b: {Client.History($"answer-{i}-b")}"
        : "(no attempts recorded)";

    private async Task SetUpAsync()
    {
        await Must(_admin, "createNetwork", """
            mutation($input: CreateNetworkInput!) { createNetwork(input: $input) { network { id } errors { code message } } }
            """, new { input = new { slug = Slug, name = "Cluster test network", region = "North East", coordinators = _coordinators, joinPolicy = "AUTOMATIC", clientRequestId = Slug } });
        _a = await RegisterAndJoinAsync(_sam, "Gateshead Food Bank", "CHARITY");
        _b = await RegisterAndJoinAsync(_jo, "Tyneside Tenants", "HOUSING_ASSOCIATION");
    }

    private async Task<string> RegisterAndJoinAsync(string token, string name, string kind)
    {
        var organisation = await Must(token, "registerOrganisation", """
            mutation($input: RegisterOrganisationInput!) { registerOrganisation(input: $input) { organisation { id } errors { code message } } }
            """, new { input = new { name, kind, clientRequestId = Guid.NewGuid().ToString() } });
        var id = organisation["organisation"]!["id"]!.GetValue<string>();
        await Must(token, "joinNetwork", """
            mutation($input: JoinNetworkInput!) { joinNetwork(input: $input) { status errors { code message } } }
            """, new { input = new { organisationId = id, networkSlug = Slug, clientRequestId = id } });
        return id;
    }

    private async Task PostLoopAsync(string token, string organisationId, string prefix, CancellationToken stop)
    {
        for (var i = 0; i < MaxPerLoop && !stop.IsCancellationRequested; i++)
        {
            var title = $"{prefix}-{i}";
            if (await Client.MutateAsync(token, "postActivity", Post, new { input = new { networkSlug = Slug, organisationId, kind = "STORY", title, clientRequestId = title } }, title) is not null)
            {
                _posts.Add(title);
            }
        }
    }

    private async Task IntroductionLoopAsync(CancellationToken stop)
    {
        for (var i = 0; i < MaxPerLoop / 4 && !stop.IsCancellationRequested; i++)
        {
            var asked = await Client.MutateAsync(_coordinator, "requestIntroduction", RequestIntroduction, new
            {
                input = new { a = _a, b = _b, reason = $"Introduction {i}", brokerNetworkSlug = Slug, clientRequestId = $"intro-{i}" },
            }, $"intro-{i}");
            if (asked?["introduction"]?["id"]?.GetValue<string>() is not { } id)
            {
                continue;
            }

            _introductions.Add(id);
            _introductionNumbers[id] = i;
            // Each answer carries its own request id, so a retry after a lost acknowledgement is not a second answer.
            var a = await Client.MutateAsync(_sam, "respondToIntroduction", Respond, new { input = new { introductionId = id, accept = true, clientRequestId = $"answer-{i}-a" } }, $"answer-{i}-a");
            var b = a is null ? null : await Client.MutateAsync(_jo, "respondToIntroduction", Respond, new { input = new { introductionId = id, accept = true, clientRequestId = $"answer-{i}-b" } }, $"answer-{i}-b");
            if (b is not null)
            {
                _connected.Add(id);
            }
        }
    }

    private async Task<JsonNode> Must(string token, string field, string query, object variables) =>
        await Client.MutateAsync(token, field, query, variables) ?? throw new InvalidOperationException($"{field} was not acknowledged during set-up.");
}
