using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using OurSociety.Federation.Storage;

namespace OurSociety.Federation.Hosting;

/// <summary>
/// The checks on <c>Hub:Orleans</c> that need more than one setting or a look at the machine: cluster mode needs
/// PostgreSQL, and a silo's ports must be free. Orleans reads its endpoints while the host is built, so these run
/// then, and a bad setting fails with a message that says what to change instead of a socket error later.
/// </summary>
public static class HubClusterSettings
{
    /// <summary>
    /// Reads and validates <c>Hub:Orleans</c> with what it depends on in <c>Hub:Storage</c>; when
    /// <paramref name="hostsSilo"/>, also checks that the silo and gateway ports can be bound.
    /// </summary>
    /// <exception cref="OptionsValidationException">Every problem found, each naming the setting to change.</exception>
    public static HubOrleansOptions Read(IConfiguration configuration, bool hostsSilo)
    {
        var orleans = HubSettings.Read<HubOrleansOptions>(configuration, HubOrleansOptions.Section);
        var storage = configuration.GetSection(HubStorageOptions.Section).Get<HubStorageOptions>() ?? new HubStorageOptions();
        var errors = new List<string>();

        if (orleans.Clustering == HubClustering.AdoNet)
        {
            if (storage.Provider != StorageProvider.PostgreSql)
            {
                errors.Add("Hub:Orleans:Clustering is AdoNet, which keeps membership in PostgreSQL beside the grain state and reminders: set Hub:Storage:Provider=PostgreSql (and Hub:Storage:ConnectionString), or Hub:Orleans:Clustering=Localhost.");
            }

            if (string.IsNullOrWhiteSpace(storage.ConnectionString))
            {
                errors.Add("Hub:Orleans:Clustering is AdoNet, which needs Hub:Storage:ConnectionString (for example Host=127.0.0.1;Username=hub;Password=…;Database=hub).");
            }
        }

        if (hostsSilo && errors.Count == 0)
        {
            var address = orleans.ListensOnAnyAddress ? IPAddress.Any : IPAddress.Loopback;
            foreach (var (name, port) in new[] { ("SiloPort", orleans.SiloPort), ("GatewayPort", orleans.GatewayPort) })
            {
                if (orleans.SiloPort != orleans.GatewayPort && InUse(address, port))
                {
                    errors.Add($"Hub:Orleans:{name} {port} is already in use on {address}: stop what listens there or choose a free port.");
                }
            }
        }

        return errors.Count == 0 ? orleans : throw new OptionsValidationException(HubOrleansOptions.Section, typeof(HubOrleansOptions), errors);
    }

    private static bool InUse(IPAddress address, int port)
    {
        try
        {
            using var listener = new TcpListener(address, port);
            listener.Start();
            listener.Stop();
            return false;
        }
        catch (SocketException)
        {
            return true;
        }
    }
}
