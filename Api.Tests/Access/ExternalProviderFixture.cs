namespace OurSociety.Federation.Api.Tests.Access;

/// <summary>
/// A <see cref="FakeOpenIdProvider"/> and a hub that trusts it, with the provider's own claim names:
/// the subject in <c>email</c>, roles in <c>groups</c> as <c>hub-admins</c> and <c>national-analysts</c>.
/// </summary>
public sealed class ExternalProviderFixture : IAsyncLifetime
{
    public FakeOpenIdProvider Provider { get; private set; } = null!;

    public ConfiguredHub Hub { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Provider = await FakeOpenIdProvider.StartAsync();
        Hub = await ConfiguredHub.StartAsync(
            $"--Hub:Auth:Authority={Provider.Issuer}",
            "--Hub:Auth:RequireHttpsMetadata=false",
            "--Hub:Auth:SubjectClaim=email",
            "--Hub:Auth:RoleClaim=groups",
            "--Hub:Auth:AdminRole=hub-admins",
            "--Hub:Auth:NationalViewerRole=national-analysts");
    }

    public async Task DisposeAsync()
    {
        await Hub.DisposeAsync();
        await Provider.DisposeAsync();
    }
}
