using OurSociety.Federation.Api.Transport;

namespace OurSociety.Federation.Api.Tests.SchemaContract;

/// <summary>
/// The schema is the API's contract, so its SDL is kept in <c>Api.Tests/Schema/schema.graphql</c> and any change
/// shows up in review. Run the tests with <c>HUB_UPDATE_DOCS=1</c> (e.g. <c>HUB_UPDATE_DOCS=1 ./scripts/test</c>)
/// to rewrite it after an intended change.
/// </summary>
public sealed class SchemaSnapshotTests(HubSchemaFixture fixture) : IClassFixture<HubSchemaFixture>
{
    [Fact]
    public void The_printed_schema_matches_the_committed_snapshot()
    {
        var path = Path.Combine(RepositoryRoot(), "Api.Tests", "Schema", "schema.graphql");
        var printed = SchemaSdl.Print(fixture.Schema);
        if (Environment.GetEnvironmentVariable("HUB_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, printed);
            return;
        }

        var committed = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : "";
        Assert.True(
            committed == printed,
            "Api.Tests/Schema/schema.graphql is not the schema the hub prints. If the change is intended, accept it with "
            + "HUB_UPDATE_DOCS=1 ./scripts/test (or HUB_UPDATE_DOCS=1 dotnet test Api.Tests --filter SchemaSnapshotTests) and commit the file.\n"
            + FirstDifference(committed, printed));
    }

    private static string FirstDifference(string committed, string printed)
    {
        var a = committed.Split('\n');
        var b = printed.Split('\n');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var left = i < a.Length ? a[i] : "(end of file)";
            var right = i < b.Length ? b[i] : "(end of file)";
            if (left != right)
            {
                return $"First difference at line {i + 1}:\n  committed: {left}\n  printed:   {right}";
            }
        }

        return "";
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OurSociety.Federation.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with OurSociety.Federation.sln) is not above " + AppContext.BaseDirectory);
    }
}
