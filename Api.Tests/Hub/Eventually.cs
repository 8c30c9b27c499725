namespace OurSociety.Federation.Api.Tests.Hub;

/// <summary>For what the hub settles by a one-way message: checks again until it holds or a generous deadline passes.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold within 10 seconds");
            await Task.Delay(10);
        }
    }
}
