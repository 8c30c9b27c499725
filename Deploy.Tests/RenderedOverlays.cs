namespace OurSociety.Federation.Deploy.Tests;

/// <summary>The dev and prod overlays rendered once per test run; each test parses its own copy, so it may change it.</summary>
public static class RenderedOverlays
{
    private static readonly Lazy<string> _dev = new(() => Kustomize.Render("k8s/overlays/dev"));
    private static readonly Lazy<string> _prod = new(() => Kustomize.Render("k8s/overlays/prod"));

    /// <summary>The Secrets the prod overlay expects the operator to have created.</summary>
    public static readonly IReadOnlyCollection<string> ProdOperatorSecrets = ["hub-database", "hub-signing-key", "hub-tls"];

    public static Manifests Dev() => Manifests.Parse(_dev.Value);

    public static Manifests Prod() => Manifests.Parse(_prod.Value);
}
