using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using OurSociety.Federation.Hosting;

namespace OurSociety.Federation.Grains.Tests.Hosting;

/// <summary>A <c>Hub:Orleans</c> setting that cannot work fails at start with a message that says what to change.</summary>
public sealed class HubClusterSettingsTests
{
    [Fact]
    public void Cluster_mode_without_a_connection_string_says_to_set_one()
    {
        var failure = Read(new() { ["Hub:Orleans:Clustering"] = "AdoNet", ["Hub:Storage:Provider"] = "PostgreSql" });

        Assert.Contains("Hub:Orleans:Clustering is AdoNet, which needs Hub:Storage:ConnectionString", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Cluster_mode_on_the_embedded_store_says_to_use_PostgreSQL()
    {
        var failure = Read(new() { ["Hub:Orleans:Clustering"] = "AdoNet", ["Hub:Storage:ConnectionString"] = "Host=127.0.0.1" });

        Assert.Contains("set Hub:Storage:Provider=PostgreSql", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_port_for_silo_and_gateway_is_refused()
    {
        var failure = Read(new() { ["Hub:Orleans:SiloPort"] = "20111", ["Hub:Orleans:GatewayPort"] = "20111" });

        Assert.Contains("Hub:Orleans:SiloPort and Hub:Orleans:GatewayPort are both 20111; give them different ports.", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_port_in_use_is_named_with_what_to_do()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var failure = Read(new() { ["Hub:Orleans:GatewayPort"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Hub:Orleans:SiloPort"] = FreePort() });

        Assert.Contains($"Hub:Orleans:GatewayPort {port} is already in use on 127.0.0.1: stop what listens there or choose a free port.", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_client_does_not_check_ports_it_does_not_bind()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var configuration = Configuration(new() { ["Hub:Orleans:Mode"] = "Client", ["Hub:Orleans:SiloPort"] = port });

        Assert.Equal(HubOrleansMode.Client, HubClusterSettings.Read(configuration, hostsSilo: false).Mode);
    }

    [Theory]
    [InlineData("ClusterId", "hub\0one", "Hub:Orleans:ClusterId has NUL (U+0000) at position 4, which PostgreSQL text cannot hold")]
    [InlineData("ClusterId", "hub\u0007", "Hub:Orleans:ClusterId has the control character U+0007 at position 4")]
    [InlineData("ServiceId", "our society", "Hub:Orleans:ServiceId has a space (U+0020) at position 4")]
    [InlineData("ServiceId", "", "Hub:Orleans:ServiceId is empty")]
    public void A_cluster_or_service_id_that_rows_cannot_hold_is_refused_where_it_goes_wrong(string setting, string value, string message)
    {
        var failure = Read(new() { [$"Hub:Orleans:{setting}"] = value });

        Assert.Contains(message, failure, StringComparison.Ordinal);
        Assert.Contains("use 1 to 100 letters, digits, '.', '_' or '-'", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cluster_id_longer_than_rows_keep_is_refused_with_its_length()
    {
        var failure = Read(new() { ["Hub:Orleans:ClusterId"] = new string('c', 101) });

        Assert.Contains("Hub:Orleans:ClusterId is 101 characters long; use 1 to 100", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void An_advertised_address_that_is_not_an_ip_is_refused()
    {
        var failure = Read(new() { ["Hub:Orleans:AdvertisedAddress"] = "silo-0.hub" });

        Assert.Contains("Hub:Orleans:AdvertisedAddress 'silo-0.hub' is not an IP address other silos can reach", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Cluster_mode_on_PostgreSQL_with_free_ports_is_accepted()
    {
        var options = HubClusterSettings.Read(Configuration(new()
        {
            ["Hub:Orleans:Clustering"] = "AdoNet",
            ["Hub:Orleans:AdvertisedAddress"] = "10.1.2.3",
            ["Hub:Orleans:SiloPort"] = FreePort(),
            ["Hub:Orleans:GatewayPort"] = FreePort(),
            ["Hub:Storage:Provider"] = "PostgreSql",
            ["Hub:Storage:ConnectionString"] = "Host=127.0.0.1",
        }), hostsSilo: true);

        Assert.Equal((HubClustering.AdoNet, IPAddress.Parse("10.1.2.3"), true), (options.Clustering, options.AdvertisedIPAddress, options.ListensOnAnyAddress));
    }

    private static string Read(Dictionary<string, string?> settings) =>
        Assert.Throws<OptionsValidationException>(() => HubClusterSettings.Read(Configuration(settings), hostsSilo: true)).Message;

    private static IConfiguration Configuration(Dictionary<string, string?> settings)
    {
        settings.TryAdd("Hub:Orleans:SiloPort", FreePort());
        settings.TryAdd("Hub:Orleans:GatewayPort", FreePort());
        return new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
    }

    private static string FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
