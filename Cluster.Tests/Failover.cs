namespace OurSociety.Federation.Cluster.Tests;

/// <summary>Numbers about a fault, measured from the attempts a client made: how long the hub was not answering.</summary>
public static class Failover
{
    /// <summary>
    /// Seconds from <paramref name="faultAt"/> until the end of the last attempt that failed (0 when none failed):
    /// after that, every request was answered at its first try.
    /// </summary>
    public static double SecondsToRecover(RetryingClient client, double faultAt) =>
        client.Failures.Where(a => a.End >= faultAt).Select(a => a.End - faultAt).DefaultIfEmpty(0).Max();

    /// <summary>Attempts since <paramref name="faultAt"/> that failed otherwise than with 503 and Retry-After.</summary>
    public static IReadOnlyList<Attempt> Untold(RetryingClient client, double faultAt) =>
        [.. client.Failures.Where(a => a.End >= faultAt && !(a.Status == 503 && a.Told && a.Code == "UNAVAILABLE"))];

    public static string Describe(IEnumerable<Attempt> attempts) =>
        string.Join(", ", attempts.GroupBy(a => (a.Status, a.Code)).Select(g => $"{g.Count()} × {g.Key.Status} {g.Key.Code}"));
}
