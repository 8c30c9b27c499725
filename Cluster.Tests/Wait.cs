using System.Diagnostics;

namespace OurSociety.Federation.Cluster.Tests;

/// <summary>Polls a condition with a deadline instead of sleeping a fixed time.</summary>
public static class Wait
{
    public static async Task UntilAsync(Func<bool> condition, string what, double seconds = 90)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(seconds), $"Timed out waiting for {what}.");
            await Task.Delay(100);
        }
    }

    public static async Task UntilAsync(Func<Task<bool>> condition, string what, double seconds = 90)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(seconds), $"Timed out waiting for {what}.");
            await Task.Delay(100);
        }
    }
}
