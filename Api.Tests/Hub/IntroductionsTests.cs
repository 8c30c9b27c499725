using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OurSociety.Federation.Access;
using OurSociety.Federation.Api.Live;
using OurSociety.Federation.Api.Organisations;
using OurSociety.Federation.Api.Tests.Transport;
using OurSociety.Federation.Common;

namespace OurSociety.Federation.Api.Tests.Hub;

/// <summary>Introductions over GraphQL: the whole flow, every refusal, and where contact details can and cannot be seen.</summary>
public sealed class IntroductionsTests(SqliteHubFixture fixture) : IClassFixture<SqliteHubFixture>
{
    public const string Request = """
        mutation($a: ID!, $b: ID!, $reason: String!, $broker: String, $rid: String) {
          requestIntroduction(input: { a: $a, b: $b, reason: $reason, brokerNetworkSlug: $broker, clientRequestId: $rid }) {
            introduction { id state reason yourAnswer brokerNetwork { slug } a { id } b { id } } errors { code message field } } }
        """;

    public const string Respond = """
        mutation($id: ID!, $accept: Boolean!) { respondToIntroduction(input: { introductionId: $id, accept: $accept }) {
          introduction { id state yourAnswer counterpart { id contact { email } } } errors { code message field } } }
        """;

    public const string Withdraw = """
        mutation($id: ID!) { withdrawIntroduction(input: { introductionId: $id }) { introduction { state } errors { code message field } } }
        """;

    public const string Preferences = """
        mutation($org: ID!, $open: Boolean, $block: [ID!]) { setIntroductionPreferences(input: { organisationId: $org, open: $open, block: $block }) {
          preferences { open blocked { id } } errors { code message field } } }
        """;

    private const string UpdateContact = """
        mutation($org: ID!, $email: String!) { updateOrganisation(input: { organisationId: $org, contact: { email: $email, person: "Desk" } }) { errors { code } } }
        """;

    private const string Everything = """
        query($a: ID!, $b: ID!, $slugA: String!, $slugB: String!, $intro: ID!) {
          oa: organisation(id: $a) { contact { email } }
          ob: organisation(id: $b) { contact { email } }
          na: node(id: $a) { ... on Organisation { contact { email } } }
          nb: node(id: $b) { ... on Organisation { contact { email } } }
          ma: network(slug: $slugA) { members(first: 10) { edges { node { contact { email } } } } }
          mb: network(slug: $slugB) { members(first: 10) { edges { node { contact { email } } } } }
          fa: federatedFeed(networkSlug: $slugA, first: 20) { edges { node { author { contact { email } } } } }
          fb: federatedFeed(networkSlug: $slugB, first: 20) { edges { node { author { contact { email } } } } }
          ni: node(id: $intro) { ... on Introduction { a { contact { email } } b { contact { email } } counterpart { contact { email } } } }
        }
        """;

    private const string Listed = """
        query { introductions(first: 50) { edges { node { id state yourAnswer a { contact { email } } b { contact { email } } counterpart { contact { email } } } } } }
        """;

    private static readonly string[] _none = [];

    private readonly HubHost _hub = fixture.Hub;

    [Fact]
    public async Task A_brokered_introduction_connects_when_both_say_yes_and_each_then_sees_the_others_contact_but_the_broker_never_does()
    {
        var w = await WorldAsync();

        var requested = await w.A.Coordinator.MutateAsync("requestIntroduction", Request, new { a = w.A.First, b = w.B.First, reason = "Food and vans.", broker = w.A.Slug });
        Assert.Equal(("REQUESTED", w.A.Slug), (requested.Str("introduction.state"), requested.Str("introduction.brokerNetwork.slug")));
        Assert.Null(requested["introduction"]!["yourAnswer"]);
        var id = requested.Str("introduction.id");

        var one = await w.A.FirstPerson.MutateAsync("respondToIntroduction", Respond, new { id, accept = true });
        Assert.Equal(("ACCEPTED_BY_ONE", "ACCEPTED"), (one.Str("introduction.state"), one.Str("introduction.yourAnswer")));
        Assert.Null(one["introduction"]!["counterpart"]!["contact"]);

        var both = await w.B.FirstPerson.MutateAsync("respondToIntroduction", Respond, new { id, accept = true });
        Assert.Equal(("CONNECTED", w.EmailA), (both.Str("introduction.state"), both.Str("introduction.counterpart.contact.email")));

        var listed = (await w.A.FirstPerson.GraphQLAsync(Listed))["data"]!["introductions"]!["edges"]!.AsArray();
        var mine = Assert.Single(listed, e => e!.Str("node.id") == id)!["node"]!;
        Assert.Equal(("CONNECTED", "ACCEPTED", w.EmailB), (mine.Str("state"), mine.Str("yourAnswer"), mine.Str("counterpart.contact.email")));

        var brokered = (await w.A.Coordinator.GraphQLAsync(Listed))["data"]!["introductions"]!["edges"]!.AsArray();
        var seenByBroker = Assert.Single(brokered, e => e!.Str("node.id") == id)!["node"]!;
        Assert.Null(seenByBroker["yourAnswer"]);
        Assert.Null(seenByBroker["a"]!["contact"]);
        Assert.Null(seenByBroker["b"]!["contact"]);
        Assert.Empty((await w.B.Coordinator.GraphQLAsync(Listed))["data"]!["introductions"]!["edges"]!.AsArray());
    }

    [Fact]
    public async Task A_decline_is_not_taken_forward_for_the_other_side_without_saying_who_and_shares_nothing()
    {
        var w = await WorldAsync();
        var asked = await w.A.FirstPerson.MutateAsync("requestIntroduction", Request, new { a = w.A.First, b = w.B.First, reason = "We have vans." });
        Assert.Equal(("ACCEPTED_BY_ONE", "ACCEPTED"), (asked.Str("introduction.state"), asked.Str("introduction.yourAnswer")));
        var id = asked.Str("introduction.id");

        await w.B.FirstPerson.MutateAsync("respondToIntroduction", Respond, new { id, accept = false });

        var seen = (await w.A.FirstPerson.GraphQLAsync("query($id: ID!) { node(id: $id) { ... on Introduction { state yourAnswer counterpart { contact { email } } } } }", new { id }))["data"]!["node"]!;
        Assert.Equal(("DECLINED", "ACCEPTED"), (seen.Str("state"), seen.Str("yourAnswer")));
        Assert.Null(seen["counterpart"]!["contact"]);
        Assert.Null((await w.A.Coordinator.GraphQLAsync("query($id: ID!) { node(id: $id) { id } }", new { id }))["data"]!["node"]);
    }

    [Fact]
    public async Task Bad_requests_and_answers_get_a_code_change_nothing_and_say_nothing_private()
    {
        var w = await WorldAsync();
        var lone = await Tour.RunAsync(_hub);
        var id = (await w.A.Coordinator.MutateAsync("requestIntroduction", Request, new { a = w.A.First, b = w.B.First, reason = "Food and vans.", broker = w.A.Slug })).Str("introduction.id");
        await w.A.FirstPerson.MutateAsync("respondToIntroduction", Respond, new { id, accept = true });
        await w.B.SecondPerson.MutateAsync("setIntroductionPreferences", Preferences, new { org = w.B.Second, open = false });

        (HubClient, string, string, object, string)[] cases =
        [
            (w.A.Coordinator, "requestIntroduction", Request, new { a = w.A.First, b = w.A.First, reason = "Self.", broker = w.A.Slug }, "INTRODUCTION_SELF"),
            (w.A.Coordinator, "requestIntroduction", Request, new { a = w.A.First, b = lone.First, reason = "No link.", broker = w.A.Slug }, "LINK_REQUIRED"),
            (w.A.Coordinator, "requestIntroduction", Request, new { a = w.A.First, b = w.B.Second, reason = "Opted out.", broker = w.A.Slug }, "OPTED_OUT"),
            (w.A.SecondPerson, "requestIntroduction", Request, new { a = w.A.First, b = w.B.First, reason = "Not mine to ask." }, "FORBIDDEN"),
            (w.A.Coordinator, "requestIntroduction", Request, new { a = "nonsense", b = w.B.First, reason = "Bad id.", broker = w.A.Slug }, "ID_INVALID"),
            (w.A.SecondPerson, "respondToIntroduction", Respond, new { id, accept = true }, "INTRODUCTION_NOT_FOUND"),
            (w.A.FirstPerson, "respondToIntroduction", Respond, new { id, accept = false }, "ALREADY_ANSWERED"),
            (w.A.Coordinator, "respondToIntroduction", Respond, new { id, accept = true }, "FORBIDDEN"),
            (w.B.FirstPerson, "withdrawIntroduction", Withdraw, new { id }, "FORBIDDEN"),
            (w.B.Coordinator, "withdrawIntroduction", Withdraw, new { id }, "INTRODUCTION_NOT_FOUND"),
            (w.A.FirstPerson, "respondToIntroduction", Respond, new { id = "nonsense", accept = true }, "ID_INVALID"),
        ];

        foreach (var (client, field, query, variables, code) in cases)
        {
            var result = await client.GraphQLAsync(query, variables);
            var error = Assert.Single(result["data"]![field]!["errors"]!.AsArray())!;
            Assert.Equal(code, error.Str("code"));
            Assert.DoesNotContain("@", error.Str("message"), StringComparison.Ordinal);
        }

        var unchanged = (await w.A.Coordinator.GraphQLAsync("query($id: ID!) { node(id: $id) { ... on Introduction { state } } }", new { id }))["data"]!["node"]!;
        Assert.Equal("ACCEPTED_BY_ONE", unchanged.Str("state"));
        Assert.Equal("WITHDRAWN", (await w.A.Coordinator.MutateAsync("withdrawIntroduction", Withdraw, new { id })).Str("introduction.state"));
        var late = await w.B.FirstPerson.GraphQLAsync(Respond, new { id, accept = true });
        Assert.Equal("INTRODUCTION_CLOSED", Assert.Single(late["data"]!["respondToIntroduction"]!["errors"]!.AsArray())!.Str("code"));
    }

    [Fact]
    public async Task Contact_details_reach_only_the_two_parties_and_only_once_connected_on_every_path_for_every_role()
    {
        var w = await WorldAsync();
        var outsider = _hub.As($"outsider-{Guid.NewGuid():N}@example.org");
        var national = _hub.As($"national-{Guid.NewGuid():N}@example.org", HubRoles.NationalViewer);
        var roles = new (string Name, HubClient Client, string[] Own)[]
        {
            ("anonymous", _hub.Anonymous, _none),
            ("signed-in outsider", outsider, _none),
            ("national viewer", national, _none),
            ("A's coordinator (the broker)", w.A.Coordinator, _none),
            ("B's coordinator", w.B.Coordinator, _none),
            ("another member of A's network", w.A.SecondPerson, [w.SecondEmailA]),
            ("another member of B's network", w.B.SecondPerson, [w.SecondEmailB]),
            ("A", w.A.FirstPerson, [w.EmailA]),
            ("B", w.B.FirstPerson, [w.EmailB]),
        };

        async Task AssertSeenAsync(string stage, string introId, bool connected)
        {
            foreach (var (name, client, own) in roles)
            {
                var seen = Emails(await client.GraphQLAsync(Everything, new { a = w.A.First, b = w.B.First, slugA = w.A.Slug, slugB = w.B.Slug, intro = introId }));
                if (client.Token is not null)
                {
                    seen.UnionWith(Emails(await client.GraphQLAsync(Listed)));
                }

                var expected = own.ToHashSet();
                if (connected && client == w.A.FirstPerson)
                {
                    expected.Add(w.EmailB);
                }

                if (connected && client == w.B.FirstPerson)
                {
                    expected.Add(w.EmailA);
                }

                Assert.True(expected.SetEquals(seen), $"{stage}, {name}: saw [{string.Join(", ", seen)}], expected [{string.Join(", ", expected)}]");
            }
        }

        var noIntroduction = "SW50cm9kdWN0aW9uOmludHJvXzAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAw";
        await AssertSeenAsync("before any introduction", noIntroduction, connected: false);
        var id = (await w.A.Coordinator.MutateAsync("requestIntroduction", Request, new { a = w.A.First, b = w.B.First, reason = "Food and vans.", broker = w.A.Slug })).Str("introduction.id");
        await AssertSeenAsync("requested", id, connected: false);
        await w.B.FirstPerson.MutateAsync("respondToIntroduction", Respond, new { id, accept = true });
        await AssertSeenAsync("accepted by one", id, connected: false);
        var declined = (await w.A.Coordinator.MutateAsync("requestIntroduction", Request, new { a = w.A.First, b = w.B.First, reason = "Another go.", broker = w.A.Slug })).Str("introduction.id");
        await w.A.FirstPerson.MutateAsync("respondToIntroduction", Respond, new { id = declined, accept = false });
        await AssertSeenAsync("another declined", declined, connected: false);
        await w.A.FirstPerson.MutateAsync("respondToIntroduction", Respond, new { id, accept = true });
        await AssertSeenAsync("connected", id, connected: true);
    }

    [Fact]
    public async Task Each_party_and_the_broker_hear_of_every_change_live_each_with_its_own_view_and_nobody_else_does()
    {
        var w = await WorldAsync();
        await using var a = await WatchAsync(w.A.FirstPerson, "inbox:" + OrganisationIds.Parse(w.A.First, "a"));
        await using var b = await WatchAsync(w.B.FirstPerson, "inbox:" + OrganisationIds.Parse(w.B.First, "b"));
        await using var broker = await WatchAsync(w.A.Coordinator, OurSociety.Federation.Introductions.IntroductionLedgers.Keys(w.A.Slug)[0]);
        await using var other = await WatchAsync(w.A.SecondPerson, "inbox:" + OrganisationIds.Parse(w.A.Second, "other"));

        var id = (await w.A.Coordinator.MutateAsync("requestIntroduction", Request, new { a = w.A.First, b = w.B.First, reason = "Food and vans.", broker = w.A.Slug })).Str("introduction.id");
        await w.A.FirstPerson.MutateAsync("respondToIntroduction", Respond, new { id, accept = true });
        await w.B.FirstPerson.MutateAsync("respondToIntroduction", Respond, new { id, accept = true });

        string[] states = ["REQUESTED", "ACCEPTED_BY_ONE", "CONNECTED"];
        Assert.Equal(states.Select(s => (s, (string?)(s == "REQUESTED" ? "NONE" : "ACCEPTED"), (string?)(s == "CONNECTED" ? w.EmailB : null))), await EventsAsync(a, 3));
        Assert.Equal(states.Select(s => (s, (string?)(s == "CONNECTED" ? "ACCEPTED" : "NONE"), (string?)(s == "CONNECTED" ? w.EmailA : null))), await EventsAsync(b, 3));
        Assert.Equal(states.Select(s => (s, (string?)null, (string?)null)), await EventsAsync(broker, 3));
        await other.AssertAliveAsync();
        using var quiet = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => other.ReceiveAsync().WaitAsync(quiet.Token));
    }

    [Fact]
    public async Task A_want_is_matched_with_offers_the_network_may_see_and_a_coordinator_turns_a_match_into_an_introduction()
    {
        var w = await WorldAsync();
        const string postWant = """
            mutation($org: ID!, $slug: String!) { postActivity(input: { networkSlug: $slug, organisationId: $org, kind: WANT, title: "Somewhere to meet",
              themes: ["space"], place: { name: "Gateshead", lat: 54.96, lon: -1.60 } }) { activity { id } errors { code } } }
            """;
        const string matches = """
            query($slug: String!) { matches(networkSlug: $slug) { totalCount edges { node { id score want { title } offer { title originNetwork { slug } } } } } }
            """;
        var want = (await w.A.SecondPerson.MutateAsync("postActivity", postWant, new { org = w.A.Second, slug = w.A.Slug })).Str("activity.id");

        await Eventually.TrueAsync(async () => (await w.A.Coordinator.GraphQLAsync(matches, new { slug = w.A.Slug }))["data"]!["matches"]!["edges"]!.AsArray().Count == 3);
        var found = (await w.A.Coordinator.GraphQLAsync(matches, new { slug = w.A.Slug }))["data"]!["matches"]!["edges"]!.AsArray();
        // The want's own organisation's offers never match it; the other network's offers come through the link.
        Assert.Equal(
            new[] { ("Linked: van to share", w.B.Slug), ("Spare room to lend", w.A.Slug), ("Spare room to lend", w.B.Slug) }.Order(),
            found.Select(e => (e!.Str("node.offer.title"), e!.Str("node.offer.originNetwork.slug"))).Order());
        var refused = await w.A.FirstPerson.GraphQLAsync(matches, new { slug = w.A.Slug });
        Assert.Equal("FORBIDDEN", Assert.Single(refused["errors"]!.AsArray())!["extensions"]!.Str("code"));

        var introduced = await w.A.Coordinator.MutateAsync("introduceMatch", """
            mutation($id: ID!) { introduceMatch(input: { matchId: $id }) { introduction { state a { id } b { id } want { title } offer { title } } errors { code message } } }
            """, new { id = found[0]!.Str("node.id") });
        Assert.Equal(("REQUESTED", "Somewhere to meet", w.A.Second), (introduced.Str("introduction.state"), introduced.Str("introduction.want.title"), introduced.Str("introduction.a.id")));

        const string met = "mutation($id: ID!) { markWantMet(input: { activityId: $id }) { activity { id } errors { code } } }";
        Assert.Equal("FORBIDDEN", Assert.Single((await w.A.FirstPerson.GraphQLAsync(met, new { id = want }))["data"]!["markWantMet"]!["errors"]!.AsArray())!.Str("code"));
        await w.A.SecondPerson.MutateAsync("markWantMet", met, new { id = want });
        Assert.Empty((await w.A.Coordinator.GraphQLAsync(matches, new { slug = w.A.Slug }))["data"]!["matches"]!["edges"]!.AsArray());
    }

    [Fact]
    public async Task Anonymous_callers_of_every_introduction_and_matching_mutation_are_told_to_sign_in_with_401_and_nothing_changes()
    {
        var w = await WorldAsync();
        var id = (await w.A.Coordinator.MutateAsync("requestIntroduction", Request, new { a = w.A.First, b = w.B.First, reason = "Food and vans.", broker = w.A.Slug })).Str("introduction.id");
        const string postWant = """
            mutation($org: ID!, $slug: String!) { postActivity(input: { networkSlug: $slug, organisationId: $org, kind: WANT, title: "Members: drivers", themes: ["transport"] }) {
              activity { id } errors { code } } }
            """;
        var want = (await w.A.SecondPerson.MutateAsync("postActivity", postWant, new { org = w.A.Second, slug = w.A.Slug })).Str("activity.id");
        const string checkIn = "mutation($id: ID!) { answerIntroductionCheckIn(input: { introductionId: $id, met: true }) { introduction { state } errors { code } } }";
        const string introduceMatch = "mutation($id: ID!) { introduceMatch(input: { matchId: $id }) { introduction { state } errors { code } } }";
        const string markWantMet = "mutation($id: ID!) { markWantMet(input: { activityId: $id }) { activity { id } errors { code } } }";
        const string unknown = "SW50cm9kdWN0aW9uOmludHJvXzAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAw";

        (string Query, object Variables)[] calls =
        [
            (Respond, new { id, accept = true }),
            (Respond, new { id = unknown, accept = true }),
            (Respond, new { id = "nonsense", accept = true }),
            (Withdraw, new { id }),
            (Withdraw, new { id = unknown }),
            (checkIn, new { id }),
            (checkIn, new { id = unknown }),
            (Preferences, new { org = w.A.First, open = false }),
            (Preferences, new { org = "nonsense", open = false }),
            (introduceMatch, new { id = "nonsense" }),
            (markWantMet, new { id = want }),
            (markWantMet, new { id = "nonsense" }),
        ];

        foreach (var (query, variables) in calls)
        {
            var (status, body) = await _hub.Anonymous.SendAsync(query, variables);
            Assert.True(
                status == System.Net.HttpStatusCode.Unauthorized && body["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>() == "UNAUTHENTICATED",
                $"{query.Split('(')[1].Trim()} with {System.Text.Json.JsonSerializer.Serialize(variables)}: {(int)status} {body.ToJsonString()}");
        }

        var unchanged = (await w.A.Coordinator.GraphQLAsync("query($id: ID!) { node(id: $id) { ... on Introduction { state } } }", new { id }))["data"]!["node"]!;
        Assert.Equal("REQUESTED", unchanged.Str("state"));
        var preferences = (await w.A.FirstPerson.GraphQLAsync("query($id: ID!) { organisation(id: $id) { introductionPreferences { open } } }", new { id = w.A.First }))["data"]!;
        Assert.True(preferences["organisation"]!["introductionPreferences"]!["open"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Introductions_of_an_organisation_in_a_network_are_those_that_network_brokered_for_it_seen_by_its_people_or_the_networks_coordinators()
    {
        var w = await WorldAsync();
        var brokeredByA = (await w.A.Coordinator.MutateAsync("requestIntroduction", Request, new { a = w.A.First, b = w.B.First, reason = "Food and vans.", broker = w.A.Slug })).Str("introduction.id");
        var brokeredByB = (await w.B.Coordinator.MutateAsync("requestIntroduction", Request, new { a = w.A.First, b = w.B.First, reason = "Vans and food.", broker = w.B.Slug })).Str("introduction.id");
        await w.A.FirstPerson.MutateAsync("requestIntroduction", Request, new { a = w.A.First, b = w.B.First, reason = "We have food." });
        await w.A.Coordinator.MutateAsync("requestIntroduction", Request, new { a = w.A.Second, b = w.B.First, reason = "Notes.", broker = w.A.Slug });
        const string both = """
            query($org: ID!, $slug: String!) { introductions(organisationId: $org, networkSlug: $slug) { totalCount edges { node { id yourAnswer brokerNetwork { slug } } } } }
            """;

        (string Id, string? YourAnswer, string Broker)[] Seen(JsonNode result)
        {
            Assert.Null(result["errors"]);
            var connection = result["data"]!["introductions"]!;
            var edges = connection["edges"]!.AsArray();
            Assert.Equal(edges.Count, connection["totalCount"]!.GetValue<int>());
            return [.. edges.Select(e => (e!.Str("node.id"), (string?)e!["node"]!["yourAnswer"], e!.Str("node.brokerNetwork.slug")))];
        }

        Assert.Equal([(brokeredByA, "NONE", w.A.Slug)], Seen(await w.A.FirstPerson.GraphQLAsync(both, new { org = w.A.First, slug = w.A.Slug })));
        Assert.Equal([(brokeredByB, "NONE", w.B.Slug)], Seen(await w.A.FirstPerson.GraphQLAsync(both, new { org = w.A.First, slug = w.B.Slug })));
        Assert.Equal([(brokeredByA, (string?)null, w.A.Slug)], Seen(await w.A.Coordinator.GraphQLAsync(both, new { org = w.A.First, slug = w.A.Slug })));
        Assert.Equal([(brokeredByB, (string?)null, w.B.Slug)], Seen(await w.B.Coordinator.GraphQLAsync(both, new { org = w.A.First, slug = w.B.Slug })));

        foreach (var (client, slug) in new[] { (w.B.Coordinator, w.A.Slug), (w.A.SecondPerson, w.A.Slug), (w.B.FirstPerson, w.A.Slug), (w.A.Coordinator, w.B.Slug) })
        {
            var refused = await client.GraphQLAsync(both, new { org = w.A.First, slug });
            Assert.Equal("FORBIDDEN", Assert.Single(refused["errors"]!.AsArray())!["extensions"]!.Str("code"));
        }
    }

    [Fact]
    public async Task Someone_who_is_both_a_partys_person_and_the_brokers_coordinator_hears_each_change_once_with_the_partys_view()
    {
        var w = await WorldAsync();
        var subject = $"both-{Guid.NewGuid():N}@example.org";
        await w.A.Coordinator.MutateAsync(
            "addCoordinator", "mutation($slug: String!, $subject: String!) { addCoordinator(input: { networkSlug: $slug, subject: $subject }) { errors { code } } }", new { slug = w.A.Slug, subject });
        await w.A.FirstPerson.MutateAsync(
            "addOrganisationPerson", "mutation($org: ID!, $subject: String!) { addOrganisationPerson(input: { organisationId: $org, subject: $subject }) { errors { code } } }", new { org = w.A.First, subject });
        var both = _hub.As(subject);
        await using var live = await WatchAsync(both, OurSociety.Federation.Introductions.IntroductionLedgers.Keys(w.A.Slug)[0]);
        Assert.Equal(1, _hub.Services.GetRequiredService<LiveIntroductions>().ReadersOf("inbox:" + OrganisationIds.Parse(w.A.First, "a")));

        var id = (await both.MutateAsync("requestIntroduction", Request, new { a = w.A.First, b = w.B.First, reason = "Food and vans.", broker = w.A.Slug })).Str("introduction.id");
        await w.A.FirstPerson.MutateAsync("respondToIntroduction", Respond, new { id, accept = true });
        await w.B.FirstPerson.MutateAsync("respondToIntroduction", Respond, new { id, accept = true });

        (string, string?, string?)[] expected = [("REQUESTED", "NONE", null), ("ACCEPTED_BY_ONE", "ACCEPTED", null), ("CONNECTED", "ACCEPTED", w.EmailB)];
        Assert.Equal(expected, await EventsAsync(live, 3));
        using var quiet = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => live.ReceiveAsync().WaitAsync(quiet.Token));
    }

    [Fact]
    public async Task Only_a_party_learns_that_an_introduction_an_organisation_asked_for_itself_exists_when_it_may_not_withdraw_it()
    {
        var w = await WorldAsync();
        var id = (await w.A.FirstPerson.MutateAsync("requestIntroduction", Request, new { a = w.A.First, b = w.B.First, reason = "We have food." })).Str("introduction.id");

        foreach (var (client, code) in new[] { (w.A.Coordinator, "INTRODUCTION_NOT_FOUND"), (w.B.Coordinator, "INTRODUCTION_NOT_FOUND"), (w.A.SecondPerson, "INTRODUCTION_NOT_FOUND"), (w.B.FirstPerson, "FORBIDDEN") })
        {
            var refused = await client.GraphQLAsync(Withdraw, new { id });
            Assert.Equal(code, Assert.Single(refused["data"]!["withdrawIntroduction"]!["errors"]!.AsArray())!.Str("code"));
        }

        var seen = (await w.A.FirstPerson.GraphQLAsync("query($id: ID!) { node(id: $id) { ... on Introduction { state } } }", new { id }))["data"]!["node"]!;
        Assert.Equal("ACCEPTED_BY_ONE", seen.Str("state"));
        Assert.Equal("WITHDRAWN", (await w.A.FirstPerson.MutateAsync("withdrawIntroduction", Withdraw, new { id })).Str("introduction.state"));
    }

    [Fact]
    public async Task Concurrent_blocks_and_unblocks_of_one_organisation_all_take_effect()
    {
        var tour = await Tour.RunAsync(_hub);
        var earlier = Enumerable.Range(0, 10).Select(_ => HubIds.OrganisationPrefix + Ulid.NewUlid()).ToArray();
        var later = Enumerable.Range(0, 200).Select(_ => HubIds.OrganisationPrefix + Ulid.NewUlid()).ToArray();
        const string change = """
            mutation($org: ID!, $open: Boolean, $block: [ID!], $unblock: [ID!]) { setIntroductionPreferences(input: { organisationId: $org, open: $open, block: $block, unblock: $unblock }) {
              preferences { open } errors { code message } } }
            """;
        await tour.FirstPerson.MutateAsync("setIntroductionPreferences", change, new { org = tour.First, block = earlier });

        await Task.WhenAll(
        [
            .. later.Select(id => tour.FirstPerson.MutateAsync("setIntroductionPreferences", change, new { org = tour.First, block = new[] { id } })),
            .. earlier.Take(5).Select(id => tour.FirstPerson.MutateAsync("setIntroductionPreferences", change, new { org = tour.First, unblock = new[] { id } })),
            tour.FirstPerson.MutateAsync("setIntroductionPreferences", change, new { org = tour.First, open = false }),
        ]);

        var organisation = OrganisationIds.Parse(tour.First, "organisationId");
        var preferences = (await _hub.Grains.GetInbox(organisation).GetPreferencesAsync(new Caller("reader", HubRoles.None, [organisation])))!;
        Assert.False(preferences.Open);
        Assert.Equal(earlier.Skip(5).Concat(later).Order(StringComparer.Ordinal), preferences.Blocked.Order(StringComparer.Ordinal));
    }

    private async Task<WebSocketTestClient> WatchAsync(HubClient reader, string list)
    {
        var client = await WebSocketTestClient.ConnectAsync(new UriBuilder(new Uri(_hub.Http.BaseAddress!, "/graphql")) { Scheme = "ws" }.Uri);
        await client.InitAsync(new { Authorization = "Bearer " + reader.Token });
        await client.SubscribeAsync("intro", "subscription { introductionUpdated { id state yourAnswer counterpart { contact { email } } } }");
        var live = _hub.Services.GetRequiredService<LiveIntroductions>();
        await Eventually.TrueAsync(() => Task.FromResult(live.ReadersOf(list) > 0));
        return client;
    }

    /// <summary>The next <paramref name="count"/> events: state, the reader's own answer, and the other side's contact e-mail if shown.</summary>
    private static async Task<(string, string?, string?)[]> EventsAsync(WebSocketTestClient client, int count)
    {
        var events = new List<(string, string?, string?)>();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (events.Count < count)
        {
            var message = await client.ReceiveAsync().WaitAsync(deadline.Token);
            Assert.Equal("next", (string?)message["type"]);
            var node = message["payload"]!["data"]!["introductionUpdated"]!;
            events.Add((node.Str("state"), (string?)node["yourAnswer"], Emails(node).SingleOrDefault()));
        }

        return [.. events];
    }

    private async Task<World> WorldAsync()
    {
        var (a, b) = await LinkedNetworksTests.LinkedAsync(_hub);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (emailA, emailB) = ($"desk-a-{tag}@foodbank.example", $"desk-b-{tag}@tenants.example");
        await a.FirstPerson.GraphQLAsync(UpdateContact, new { org = a.First, email = emailA });
        await b.FirstPerson.GraphQLAsync(UpdateContact, new { org = b.First, email = emailB });
        var (secondA, secondB) = ($"second-a-{tag}@example.org", $"second-b-{tag}@example.org");
        await a.SecondPerson.GraphQLAsync(UpdateContact, new { org = a.Second, email = secondA });
        await b.SecondPerson.GraphQLAsync(UpdateContact, new { org = b.Second, email = secondB });
        return new World(a, b, emailA, emailB, secondA, secondB);
    }

    /// <summary>Every contact e-mail anywhere in a response.</summary>
    private static HashSet<string> Emails(JsonNode result)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        void Walk(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject o:
                    foreach (var (key, value) in o)
                    {
                        if (key == "email" && value is JsonValue v && v.GetValue<string>() is { } email)
                        {
                            found.Add(email);
                        }

                        Walk(value);
                    }

                    break;
                case JsonArray a:
                    foreach (var item in a)
                    {
                        Walk(item);
                    }

                    break;
            }
        }

        Walk(result);
        return found;
    }

    private sealed record World(TourRun A, TourRun B, string EmailA, string EmailB, string SecondEmailA, string SecondEmailB);
}
