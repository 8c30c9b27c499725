namespace OurSociety.Federation.Api.Tests.Access;

/// <summary>
/// Keeps <c>docs/authorization-matrix.md</c> equal to the table the matrix test observed. Run the tests with
/// <c>HUB_UPDATE_DOCS=1</c> to rewrite it after an intended change.
/// </summary>
public static class MatrixDocument
{
    private const string Marker = "<!-- The table below is written by AuthorizationMatrixTests; do not edit it by hand. -->";

    public static void AssertCurrent(string table)
    {
        var path = Path.Combine(RepositoryRoot(), "docs", "authorization-matrix.md");
        var current = File.Exists(path) ? File.ReadAllText(path) : "";
        var index = current.IndexOf(Marker, StringComparison.Ordinal);
        var head = index >= 0 ? current[..index] : "# Who may do what\n\n";
        var expected = head + Marker + "\n\n" + table;
        if (Environment.GetEnvironmentVariable("HUB_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, expected);
            return;
        }

        Assert.True(
            current.ReplaceLineEndings("\n") == expected.ReplaceLineEndings("\n"),
            $"docs/authorization-matrix.md is not the table the hub produced; if the change is intended, run the tests with HUB_UPDATE_DOCS=1.\n{table}");
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
