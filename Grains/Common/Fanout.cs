namespace OurSociety.Federation.Common;

/// <summary>Runs calls in parallel with at most a given number in flight, in the caller's context (a grain's scheduler stays in charge).</summary>
public static class Fanout
{
    public static async Task<TResult[]> RunAsync<TItem, TResult>(IReadOnlyList<TItem> items, int maxInFlight, Func<TItem, Task<TResult>> call)
    {
        var results = new Task<TResult>[items.Count];
        var inFlight = new List<Task>(maxInFlight);
        for (var i = 0; i < items.Count; i++)
        {
            if (inFlight.Count == maxInFlight)
            {
                inFlight.Remove(await Task.WhenAny(inFlight));
            }

            results[i] = call(items[i]);
            inFlight.Add(results[i]);
        }

        return await Task.WhenAll(results);
    }
}
