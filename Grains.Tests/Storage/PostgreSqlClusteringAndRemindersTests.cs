using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Orleans.Configuration;
using OurSociety.Federation.Storage;

namespace OurSociety.Federation.Grains.Tests.Storage;

/// <summary>
/// The hub's clustering and reminder scripts driven by Orleans' real ADO.NET providers: two silos join through the
/// membership tables, and a grain's reminders go through the reminder table.
/// </summary>
[RequiresPostgreSql]
public sealed class PostgreSqlClusteringAndRemindersTests(PostgreSqlBackend backend) : IClassFixture<PostgreSqlBackend>
{
    [BackendFact]
    public async Task Two_silos_join_one_cluster_through_the_membership_tables()
    {
        await using var cluster = await StartClusterAsync();

        await cluster.Client.GetGrain<IReminderProbeGrain>($"probe:{Guid.NewGuid():N}").UnregisterAsync("none");

        Assert.Equal(2L, await ScalarAsync($"SELECT count(*) FROM OrleansMembershipTable WHERE DeploymentId = '{cluster.ClusterId}' AND Status = 3"));
    }

    [BackendFact]
    public async Task Reminders_are_stored_updated_and_removed_through_the_reminder_table()
    {
        await using var cluster = await StartClusterAsync();

        var key = $"probe:{Guid.NewGuid():N}";
        var grain = cluster.Client.GetGrain<IReminderProbeGrain>(key);

        Assert.Equal(1, await grain.RegisterAsync("daily"));
        Assert.Equal(2, await grain.RegisterAsync("weekly"));
        Assert.Equal(2, await grain.RegisterAsync("weekly"));
        Assert.Equal(1, await grain.UnregisterAsync("daily"));

        Assert.Equal(1L, await ScalarAsync($"SELECT count(*) FROM OrleansRemindersTable WHERE GrainId LIKE '%{key}'"));
        Assert.Equal(1, await ScalarAsync($"SELECT Version FROM OrleansRemindersTable WHERE GrainId LIKE '%{key}' AND ReminderName = 'weekly'"));
    }

    // Plain hosts on loopback sockets: the in-process test cluster always brings its own membership.
    private async Task<RealCluster> StartClusterAsync()
    {
        var connectionString = backend.ConnectionString;
        var clusterId = $"hub-test-{Guid.NewGuid():N}";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(backend.Settings).Build();
        var hosts = new List<IHost>();
        try
        {
            for (var i = 0; i < 2; i++)
            {
                var silo = Host.CreateApplicationBuilder();
                silo.UseOrleans(orleans => orleans
                    .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (clusterId, "hub-cluster-tests"))
                    .ConfigureEndpoints(IPAddress.Loopback, FreePort(), FreePort())
                    // Applies the schema (all four scripts) before membership starts.
                    .AddHubStorage(configuration)
                    .UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = ("Npgsql", connectionString))
                    .UseAdoNetReminderService(o => (o.Invariant, o.ConnectionString) = ("Npgsql", connectionString)));
                var host = silo.Build();
                hosts.Add(host);
                await host.StartAsync();
            }

            var client = Host.CreateApplicationBuilder();
            client.UseOrleansClient(orleans => orleans
                .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (clusterId, "hub-cluster-tests"))
                .UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = ("Npgsql", connectionString)));
            var clientHost = client.Build();
            hosts.Add(clientHost);
            await clientHost.StartAsync();
            return new RealCluster(clusterId, hosts);
        }
        catch
        {
            await new RealCluster(clusterId, hosts).DisposeAsync();
            throw;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(backend.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
