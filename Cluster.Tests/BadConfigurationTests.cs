namespace OurSociety.Federation.Cluster.Tests;

/// <summary>A Silo or Api process with a setting that cannot work stops at once and says which setting to change.</summary>
public sealed class BadConfigurationTests
{
    [Fact]
    public async Task A_silo_in_cluster_mode_without_a_connection_string_exits_at_start_saying_what_to_set()
    {
        await using var silo = HubProcess.Start("silo", "Silo", ["--Hub:Health:Urls=http://127.0.0.1:0"], new Dictionary<string, string>
        {
            ["Hub__Orleans__Clustering"] = "AdoNet",
        });

        var exit = await silo.WaitForExitAsync(TimeSpan.FromSeconds(60));
        await Task.Delay(200); // the last lines arrive after the exit event

        Assert.NotEqual(0, exit);
        Assert.Contains("Hub:Orleans:Clustering is AdoNet, which needs Hub:Storage:ConnectionString", silo.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_api_whose_silo_port_is_taken_exits_at_start_naming_the_port()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
        await using var api = HubProcess.Start("api", "Api", ["--Urls=http://127.0.0.1:0", $"--Hub:Orleans:SiloPort={port}", $"--Hub:Orleans:GatewayPort={TestPostgres.FreePort()}"], new Dictionary<string, string>
        {
            ["Hub__Storage__DataDirectory"] = Path.Combine(Path.GetTempPath(), $"hub-badconfig-{Guid.NewGuid():N}"),
        });

        var exit = await api.WaitForExitAsync(TimeSpan.FromSeconds(60));
        await Task.Delay(200);

        Assert.NotEqual(0, exit);
        Assert.Contains($"Hub:Orleans:SiloPort {port} is already in use on 127.0.0.1", api.Output, StringComparison.Ordinal);
    }
}
