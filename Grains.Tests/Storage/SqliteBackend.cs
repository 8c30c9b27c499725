namespace OurSociety.Federation.Grains.Tests.Storage;

/// <summary>A fresh data directory per test class, deleted afterwards.</summary>
public sealed class SqliteBackend : IStorageBackend
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"hub-test-{Guid.NewGuid():N}");

    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Hub:Storage:Provider"] = "Sqlite",
        ["Hub:Storage:DataDirectory"] = _directory,
    };

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }

        return Task.CompletedTask;
    }
}
