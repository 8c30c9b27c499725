namespace OurSociety.Federation.Cluster.Tests;

/// <summary>
/// A test that runs real Silo and Api processes against the PostgreSQL server named by <c>HUB_TEST_POSTGRES</c>.
/// Skipped only when that is unset outside CI; under <c>CI=true</c> it runs and fails without the server.
/// </summary>
public sealed class ClusterFactAttribute : FactAttribute
{
    public ClusterFactAttribute()
    {
        if (TestPostgres.ServerConnectionString is null && !TestPostgres.IsCi)
        {
            Skip = $"{TestPostgres.Variable} is not set: run ./scripts/test, which starts a throwaway PostgreSQL and sets it.";
        }
    }
}
