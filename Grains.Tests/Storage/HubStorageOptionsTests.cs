using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using OurSociety.Federation.Storage;

namespace OurSociety.Federation.Grains.Tests.Storage;

/// <summary>A bad <c>Hub:Storage</c> setting stops the silo at start with a message naming it.</summary>
public sealed class HubStorageOptionsTests
{
    [Fact]
    public async Task PostgreSql_without_a_connection_string_stops_the_silo_at_start_with_its_message()
    {
        var failure = await Record.ExceptionAsync(() => HubTestSilo.StartAsync(new Dictionary<string, string?>
        {
            ["Hub:Storage:Provider"] = "PostgreSql",
        }));

        var validation = Assert.IsType<OptionsValidationException>(failure);
        Assert.Contains("Hub:Storage:ConnectionString is required", validation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_data_directory_stops_the_silo_at_start_with_its_message()
    {
        var failure = await Record.ExceptionAsync(() => HubTestSilo.StartAsync(new Dictionary<string, string?>
        {
            ["Hub:Storage:Provider"] = "Sqlite",
            ["Hub:Storage:DataDirectory"] = " ",
        }));

        var validation = Assert.IsType<OptionsValidationException>(failure);
        Assert.Contains("Hub:Storage:DataDirectory", validation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrating_the_embedded_store_creates_its_database_file_and_can_run_again()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"hub-test-{Guid.NewGuid():N}");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Hub:Storage:DataDirectory"] = directory,
        }).Build();
        try
        {
            await HubStorageSiloBuilderExtensions.MigrateHubStorageAsync(configuration);
            await HubStorageSiloBuilderExtensions.MigrateHubStorageAsync(configuration);

            Assert.True(File.Exists(Path.Combine(directory, "hub.db")));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Migrating_with_a_bad_setting_fails_with_its_message()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Hub:Storage:Provider"] = "PostgreSql",
        }).Build();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => HubStorageSiloBuilderExtensions.MigrateHubStorageAsync(configuration));

        Assert.Contains("Hub:Storage:ConnectionString is required", failure.Message, StringComparison.Ordinal);
    }
}
