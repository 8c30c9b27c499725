using Microsoft.Extensions.DependencyInjection;
using OurSociety.Federation.Access;
using OurSociety.Federation.Api.Access;
using OurSociety.Federation.Api.Tests.Access;

namespace OurSociety.Federation.Api.Tests.Operations;

/// <summary>One hub with the Orleans dashboard enabled at its default path, shared by a test class.</summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    public ConfiguredHub Hub { get; private set; } = null!;

    public async Task InitializeAsync() => Hub = await ConfiguredHub.StartAsync("--Hub:Dashboard:Enabled=true");

    public async Task DisposeAsync() => await Hub.DisposeAsync();

    /// <summary>A token the hub signed for <paramref name="subject"/> with <paramref name="roles"/>.</summary>
    public string TokenFor(string subject, HubRoles roles) => Hub.Services.GetRequiredService<HubTokenIssuer>().Issue(subject, roles);
}
