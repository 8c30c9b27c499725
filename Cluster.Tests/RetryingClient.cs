using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;

namespace OurSociety.Federation.Cluster.Tests;

/// <summary>One try of an operation: when it started and ended (seconds on the test's clock), its status and code.</summary>
/// <param name="Told">The hub said to retry: 503 with <c>Retry-After</c>.</param>
/// <param name="Operation">What the caller called the operation (a post's title, an answer's request id), if anything.</param>
public sealed record Attempt(double Start, double End, int Status, string? Code, bool Told, string? Operation = null);

/// <summary>
/// A client that retries exactly as the hub tells it: after a 503 with <c>Retry-After</c> it waits that long and sends
/// the same request again (the same <c>clientRequestId</c>, so a write that landed is not made twice). A timeout or a
/// dropped connection (an outcome nobody told it about) is retried after a second as well, and recorded as such.
/// Anything else ends the operation unacknowledged. Each operation gives up after <see cref="OperationLimit"/>.
/// </summary>
public sealed class RetryingClient(GraphQLClient client, Stopwatch clock)
{
    public static readonly TimeSpan OperationLimit = TimeSpan.FromSeconds(60);

    public ConcurrentQueue<Attempt> Attempts { get; } = new();

    /// <summary>Every attempt that did not succeed.</summary>
    public IReadOnlyList<Attempt> Failures => [.. Attempts.Where(a => a.Status != 200)];

    public double Now => clock.Elapsed.TotalSeconds;

    /// <summary>The attempts made for one operation, as "status code at start–end s", oldest first.</summary>
    public string History(string operation) => string.Join("; ", Attempts
        .Where(a => a.Operation == operation)
        .Select(a => $"{(a.Status == 200 ? "ok" : $"{a.Status} {a.Code}")} at {a.Start:F1}–{a.End:F1} s"));

    /// <summary>
    /// Runs a mutation until it is acknowledged (200, no errors, a payload without user errors) and returns its payload;
    /// null if it was refused or ran out of time. Its attempts are recorded under <paramref name="operation"/>.
    /// </summary>
    public async Task<JsonNode?> MutateAsync(string? token, string field, string query, object variables, string? operation = null)
    {
        var deadline = Now + OperationLimit.TotalSeconds;
        while (Now < deadline)
        {
            var start = Now;
            var reply = await client.SendAsync(token, query, variables);
            var payload = reply.Body?["data"]?[field];
            var userError = payload?["errors"]?.AsArray().FirstOrDefault();
            var ok = reply.Status == 200 && reply.Body?["errors"] is null && payload is not null && userError is null;

            // A user error in an otherwise fine response is recorded with status -1 and its code.
            Attempts.Enqueue(new Attempt(start, Now, ok ? 200 : reply.Status == 200 ? -1 : reply.Status, reply.Code ?? userError?["code"]?.GetValue<string>(), reply.RetryAfter is not null, operation));
            if (ok)
            {
                return payload;
            }

            if (reply.Status == 503 && reply.RetryAfter is { } wait)
            {
                await Task.Delay(wait);
            }
            else if (reply.Status is 0 or 504)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
            else
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>A query retried the same way; returns its <c>data</c>.</summary>
    public async Task<JsonNode> QueryAsync(string? token, string query, object? variables = null)
    {
        var deadline = Now + OperationLimit.TotalSeconds;
        while (true)
        {
            var reply = await client.SendAsync(token, query, variables);
            if (reply.Status == 200 && reply.Body?["errors"] is null && reply.Body?["data"] is { } data)
            {
                return data;
            }

            if (Now > deadline || reply.Status is not (0 or 503 or 504))
            {
                throw new InvalidOperationException($"Query failed with {reply.Status}: {reply.Body?.ToJsonString()}");
            }

            await Task.Delay(reply.RetryAfter ?? TimeSpan.FromSeconds(1));
        }
    }
}
