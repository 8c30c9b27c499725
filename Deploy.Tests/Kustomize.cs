using System.Diagnostics;

namespace OurSociety.Federation.Deploy.Tests;

/// <summary>Renders a kustomization of the repository's <c>k8s/</c> folder with <c>kubectl kustomize</c>.</summary>
public static class Kustomize
{
    /// <summary>The rendered YAML of <paramref name="folder"/> (relative to the repository root), or an exception with kubectl's own words.</summary>
    public static string Render(string folder)
    {
        var start = new ProcessStartInfo("kubectl", ["kustomize", Path.Combine(RepositoryRoot, folder)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("kubectl was not found on PATH; the manifest tests render k8s/ with 'kubectl kustomize'.", e);
        }

        using (process)
        {
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0
                ? output
                : throw new InvalidOperationException($"kubectl kustomize {folder} exited with {process.ExitCode}: {error.Result}");
        }
    }

    /// <summary>The folder holding <c>OurSociety.Federation.sln</c>, found from where the tests run.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "OurSociety.Federation.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No OurSociety.Federation.sln above {AppContext.BaseDirectory}.");
    }
}
