using System.Collections.Concurrent;
using System.Text;
using OurSociety.Federation.Api.Tests.Hub;
using Xunit.Abstractions;

namespace OurSociety.Federation.Api.Tests.Access;

/// <summary>
/// Every mutation and every private read, by every kind of caller, against a fresh world each time: the answer is
/// what <see cref="AuthorizationMatrix"/> says, and a refused call leaves the state exactly as it was (an allowed
/// mutation changes it). The table is written to the test output and kept in <c>docs/authorization-matrix.md</c>.
/// </summary>
public sealed class AuthorizationMatrixTests(SqliteHubFixture fixture, ITestOutputHelper output) : IClassFixture<SqliteHubFixture>
{
    private readonly HubHost _hub = fixture.Hub;

    [Fact]
    public async Task Every_operation_by_every_caller_gets_what_the_matrix_says_and_a_refusal_changes_nothing()
    {
        var callers = Enum.GetValues<MatrixCaller>();
        var failures = new ConcurrentBag<string>();
        var outcomes = new ConcurrentDictionary<(string, MatrixCaller), string>();
        var cells = AuthorizationMatrix.Rows.SelectMany(row => callers.Select(caller => (row, caller)));

        await Parallel.ForEachAsync(cells, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (cell, _) =>
        {
            var (row, caller) = cell;
            var world = await MatrixWorld.BuildAsync(_hub.Grains);
            if (row.Arrange is { } arrange)
            {
                await arrange(_hub.Grains, world);
            }

            var before = await row.Observe(_hub.Grains, world, caller);
            var (status, body) = await world.ClientFor(_hub, caller).SendAsync(row.Document, row.Variables(world));
            var after = await row.Observe(_hub.Grains, world, caller);

            var outcome = row.Outcome(status, body);
            outcomes[(row.Operation, caller)] = outcome;
            var expected = row.Expected(caller);
            if (outcome != expected)
            {
                failures.Add($"{row.Operation} by {caller}: expected {expected}, got {outcome}");
            }

            var changed = before != after;
            if (row.IsMutation && changed != (expected == MatrixRow.Allow))
            {
                failures.Add($"{row.Operation} by {caller}: state {(changed ? "changed" : "did not change")} ({before} -> {after})");
            }

            if (!row.IsMutation && changed)
            {
                failures.Add($"{row.Operation} by {caller}: a read changed state ({before} -> {after})");
            }
        });

        var table = Render(callers, outcomes);
        output.WriteLine(table);
        Assert.True(failures.IsEmpty, string.Join(Environment.NewLine, failures.Order(StringComparer.Ordinal)));
        MatrixDocument.AssertCurrent(table);
    }

    private static string Render(MatrixCaller[] callers, ConcurrentDictionary<(string, MatrixCaller), string> outcomes)
    {
        var text = new StringBuilder();
        text.Append("| Operation |");
        foreach (var caller in callers)
        {
            text.Append(' ').Append(caller).Append(" |");
        }

        text.AppendLine().Append("|---|").AppendLine(string.Concat(Enumerable.Repeat("---|", callers.Length)));
        foreach (var row in AuthorizationMatrix.Rows)
        {
            text.Append("| `").Append(row.Operation).Append("` |");
            foreach (var caller in callers)
            {
                var outcome = outcomes[(row.Operation, caller)];
                text.Append(' ').Append(outcome == MatrixRow.Allow ? "**allowed**" : outcome).Append(" |");
            }

            text.AppendLine();
        }

        return text.ToString();
    }
}
