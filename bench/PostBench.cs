using Npgsql;

namespace OurSociety.Federation.Bench;

/// <summary>
/// Posts acknowledged once durable, at a fixed concurrency over several networks; on PostgreSQL side by side with plain
/// single-row INSERTs from the same number of concurrent connections, the floor a durable write can reach on that server.
/// </summary>
public static class PostBench
{
    public const int Networks = 8;
    public const int Posters = 64;

    public static async Task RunAsync(HubHost hub, BenchOptions options, Report report)
    {
        Console.WriteLine($"Posts: {Posters} posters over {Networks} networks");
        var slugs = Enumerable.Range(0, Networks).Select(i => $"posts-{i}").ToArray();
        var authors = await Task.WhenAll(slugs.Select(s => Seed.NetworkAsync(hub.Grains, s, Posters / Networks)));
        Task Post(int worker, long n) => Seed.PostAsync(hub.Grains, slugs[worker % Networks], authors[worker % Networks][worker / Networks], n);

        await Load.RunAsync(Posters, options.WarmUp, Post);
        var serial = await Load.RunAsync(1, options.WarmUp, Post);
        report.Add("Grain post, 1 poster (one durable write per post)", serial);

        var before = options.IsPostgres ? await PgStats.SnapshotAsync(options.ConnectionString!) : null;
        var posts = await Load.RunAsync(Posters, options.Measure, Post);
        report.Add($"Grain posts, {Posters} posters / {Networks} networks", posts);
        if (before is not null)
        {
            var after = await PgStats.SnapshotAsync(options.ConnectionString!);
            report.Note($"During the {Posters}-poster grain run PostgreSQL committed {(after.Commits - before.Commits) / (double)posts.Operations:0.000} transactions per post " +
                $"({(after.Commits - before.Commits) / posts.Seconds:#,0}/s) and wrote {(after.WalBytes - before.WalBytes) / (double)posts.Operations:#,0} WAL bytes per post.");
        }

        var http = await GraphQLPostsAsync(hub, options, slugs, authors);
        report.Add($"GraphQL postActivity, {Posters} posters / {Networks} networks", http);

        if (!options.IsPostgres)
        {
            return;
        }

        var (inserts, insertSerial, settings) = await BaselineAsync(options);
        report.Add("Plain INSERT, 1 connection", insertSerial);
        report.Add($"Plain INSERT, {Posters} connections", inserts);
        report.Note($"PostgreSQL settings: {settings}.");
        var ratio = posts.PerSecond / inserts.PerSecond;
        report.Check("Grain posts/s ≥ 0.5 × plain INSERTs/s", $"{posts.PerSecond:#,0} / {inserts.PerSecond:#,0} = {ratio:0.00}×", ratio >= 0.5);
    }

    private static async Task<Summary> GraphQLPostsAsync(HubHost hub, BenchOptions options, string[] slugs, string[][] authors)
    {
        using var client = GraphQLClient.Create(hub.BaseAddress, Posters);
        const string Mutation = "mutation($input:PostActivityInput!){ postActivity(input:$input){ activity{ id } errors{ code } } }";

        // Each poster signs in as the person who acts for its organisation, as a real client would.
        var tokens = Enumerable.Range(0, Posters).Select(w => hub.TokenFor(Seed.PersonOf(authors[w % Networks][w / Networks]).Subject)).ToArray();
        async Task Post(int worker, long n)
        {
            var body = GraphQLClient.Body(Mutation, new
            {
                input = new
                {
                    networkSlug = slugs[worker % Networks],
                    organisationId = authors[worker % Networks][worker / Networks],
                    kind = "STORY",
                    title = $"Winter food bank, update {n}",
                    body = Seed.Body,
                    themes = Seed.Themes,
                    visibility = "PUBLIC",
                },
            });
            var response = await client.PostGraphQLAsync(body, token: tokens[worker]);
            if (!response.AsSpan().StartsWith("{\"data\":{\"postActivity\":{\"activity\":{\"id\""u8))
            {
                throw new InvalidOperationException("postActivity failed: " + System.Text.Encoding.UTF8.GetString(response));
            }
        }

        await Load.RunAsync(Posters, options.WarmUp, Post);
        return await Load.RunAsync(Posters, options.Measure, Post);
    }

    private static async Task<(Summary Inserts, Summary Serial, string Settings)> BaselineAsync(BenchOptions options)
    {
        var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString) { MaxPoolSize = Posters + 8, MinPoolSize = Posters };
        await using var source = NpgsqlDataSource.Create(builder.ConnectionString);
        await using (var create = source.CreateCommand(
            "DROP TABLE IF EXISTS bench_baseline; CREATE TABLE bench_baseline(id bigserial primary key, network text, title text, body text, posted_at timestamptz)"))
        {
            await create.ExecuteNonQueryAsync();
        }

        async Task Insert(int worker, long n)
        {
            await using var command = source.CreateCommand("INSERT INTO bench_baseline(network, title, body, posted_at) VALUES ($1, $2, $3, $4)");
            command.Parameters.Add(new NpgsqlParameter { Value = $"posts-{worker % Networks}" });
            command.Parameters.Add(new NpgsqlParameter { Value = $"Winter food bank, update {n}" });
            command.Parameters.Add(new NpgsqlParameter { Value = Seed.Body });
            command.Parameters.Add(new NpgsqlParameter { Value = DateTime.UtcNow });
            await command.ExecuteNonQueryAsync();
        }

        await Load.RunAsync(Posters, options.WarmUp, Insert);
        var serial = await Load.RunAsync(1, options.WarmUp, Insert);
        var inserts = await Load.RunAsync(Posters, options.Measure, Insert);
        return (inserts, serial, await PgStats.SettingsAsync(source));
    }
}
