namespace OurSociety.Federation.Grains.Tests.Common;

/// <summary>
/// For what a grain learns by a one-way message: checks again until it holds or a generous deadline passes. The
/// check itself is the assertion, so a test fails with the last observed value, not a timeout alone.
/// </summary>
public static class Eventually
{
    public static async Task<T> EqualAsync<T>(T expected, Func<Task<T>> observe, IEqualityComparer<T>? comparer = null)
    {
        comparer ??= EqualityComparer<T>.Default;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        var observed = await observe();
        while (!comparer.Equals(expected, observed) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
            observed = await observe();
        }

        Assert.Equal(expected, observed, comparer);
        return observed;
    }
}
