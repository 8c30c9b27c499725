namespace OurSociety.Federation.Api.Tests.Access;

/// <summary>A hub with tiny budgets: 2 anonymous and 3 signed-in requests per hour, so one more is always refused.</summary>
public sealed class RateLimitedHubFixture : IAsyncLifetime
{
    public ConfiguredHub Hub { get; private set; } = null!;

    public async Task InitializeAsync() => Hub = await ConfiguredHub.StartAsync(
        "--Hub:RateLimits:AnonymousPermitLimit=2",
        "--Hub:RateLimits:SignedInPermitLimit=3",
        "--Hub:RateLimits:Window=01:00:00");

    public async Task DisposeAsync() => await Hub.DisposeAsync();
}
