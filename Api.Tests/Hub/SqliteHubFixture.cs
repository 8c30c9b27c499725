namespace OurSociety.Federation.Api.Tests.Hub;

/// <summary>One embedded-store hub shared by a test class; tests use unique slugs and new organisations.</summary>
public sealed class SqliteHubFixture : IAsyncLifetime
{
    public HubHost Hub { get; private set; } = null!;

    public async Task InitializeAsync() => Hub = await HubHost.StartSqliteAsync();

    public async Task DisposeAsync() => await Hub.DisposeAsync();
}
