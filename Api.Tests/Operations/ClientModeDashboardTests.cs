using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OurSociety.Federation.Access;
using OurSociety.Federation.Api.Access;
using OurSociety.Federation.Api.Tests.Access;
using OurSociety.Federation.Hosting;

namespace OurSociety.Federation.Api.Tests.Operations;

public sealed class ClientModeDashboardTests
{
    [Fact]
    public async Task An_Api_in_client_mode_shows_an_admin_the_dashboard_of_a_separate_silo()
    {
        var dataDirectory = Hub.HubHost.NewDataDirectory();
        var (siloPort, gatewayPort) = (FreePort(), FreePort());
        var builder = Host.CreateApplicationBuilder([
            "--Hub:Storage:Provider=Sqlite", $"--Hub:Storage:DataDirectory={dataDirectory}",
            $"--Hub:Orleans:SiloPort={siloPort}", $"--Hub:Orleans:GatewayPort={gatewayPort}", "--Hub:Dashboard:Enabled=true",
        ]);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo => silo.AddHubSilo(builder.Configuration));
        using var silo = builder.Build();
        await silo.StartAsync();
        try
        {
            await using var api = await ConfiguredHub.StartAsync("--Hub:Orleans:Mode=Client", $"--Hub:Orleans:GatewayPort={gatewayPort}", "--Hub:Dashboard:Enabled=true");
            var token = api.Services.GetRequiredService<HubTokenIssuer>().Issue("admin@example.org", HubRoles.Admin);

            // The dashboard samples the cluster every second, so the silo appears in its counters after the first sample.
            await Hub.Eventually.TrueAsync(async () =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "/dashboard/DashboardCounters");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var response = await api.Http.SendAsync(request);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                return (await response.Content.ReadAsStringAsync()).Contains($":{siloPort}", StringComparison.Ordinal);
            });
        }
        finally
        {
            await silo.StopAsync();
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
