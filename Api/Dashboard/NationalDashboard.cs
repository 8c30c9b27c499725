using System.Net;
using OurSociety.Federation.Api.Common;

namespace OurSociety.Federation.Api.Dashboard;

/// <summary>
/// The national dashboard at <c>/national</c>: one page and its files (<c>/national/assets/{file}</c>), embedded in
/// this assembly by the build (see the <c>EmbedDashboard</c> target in the project file), so nothing is loaded from
/// another site. The page reads the public GraphQL API like any client: anonymous visitors see the PUBLIC scope.
/// </summary>
public static class NationalDashboard
{
    /// <summary>Where the page is served.</summary>
    public const string Path = "/national";

    /// <summary>Where the page's files are served.</summary>
    public const string AssetsPath = Path + "/assets";

    /// <summary>Only this hub's own files and API: no other site can be loaded, framed or reached.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static IEndpointRouteBuilder MapNationalDashboard(this IEndpointRouteBuilder app)
    {
        var assets = new DashboardAssets();
        app.MapGet(Path, (HttpContext http) => WritePageAsync(http, assets)).WithDisplayName("National dashboard");
        app.MapGet(AssetsPath + "/{file}", (HttpContext http, string file) => WriteAssetAsync(http, assets, file)).WithDisplayName("National dashboard files");
        return app;
    }

    private static Task WritePageAsync(HttpContext http, DashboardAssets assets)
    {
        var response = http.Response;
        Secure(response);
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        var pathBase = http.Request.PathBase.Value ?? "";
        var page = assets.PageTemplate
            .Replace("{{assets}}", WebUtility.HtmlEncode(pathBase + AssetsPath), StringComparison.Ordinal)
            .Replace("{{national}}", WebUtility.HtmlEncode(pathBase + Path), StringComparison.Ordinal)
            .Replace("{{endpoint}}", WebUtility.HtmlEncode(pathBase + "/graphql"), StringComparison.Ordinal)
            .Replace("{{charts}}", assets.HasCharts ? "true" : "false", StringComparison.Ordinal)
            .Replace("{{chartScript}}", assets.HasCharts ? $"<script src=\"{WebUtility.HtmlEncode(pathBase + AssetsPath)}/{DashboardAssets.ChartFile}\"></script>" : "", StringComparison.Ordinal);
        return response.WriteAsync(page);
    }

    private static async Task WriteAssetAsync(HttpContext http, DashboardAssets assets, string file)
    {
        var response = http.Response;
        if (assets.Find(file) is not { } asset)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        Secure(response);
        await asset.WriteAsync(http);
    }

    private static void Secure(HttpResponse response)
    {
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
    }
}

/// <summary>The dashboard's page template and files, as embedded by the build.</summary>
internal sealed class DashboardAssets
{
    /// <summary>Chart.js's browser build, present when the build had npm.</summary>
    public const string ChartFile = "chart.umd.min.js";

    private readonly EmbeddedFiles _files;

    public DashboardAssets()
        : this(typeof(DashboardAssets).Assembly)
    {
    }

    /// <summary>The files embedded in <paramref name="assembly"/>; tests pass one without them.</summary>
    internal DashboardAssets(System.Reflection.Assembly assembly)
    {
        _files = new EmbeddedFiles(assembly, "dashboard/");
        PageTemplate = _files.Page ?? NotBuiltPage;
        HasCharts = _files.Contains(ChartFile);
    }

    /// <summary>The page, with <c>{{assets}}</c>, <c>{{national}}</c>, <c>{{endpoint}}</c>, <c>{{charts}}</c> and <c>{{chartScript}}</c> to fill in.</summary>
    public string PageTemplate { get; }

    /// <summary>False when the build had no npm: the page then shows its tables only, and says why.</summary>
    public bool HasCharts { get; }

    public EmbeddedFile? Find(string file) => _files.Find(file);

    private const string NotBuiltPage = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>National dashboard not available</title></head>
        <body><h1>The national dashboard was not built into this hub</h1>
        <p>The national counts are open data at <a href="/national/activity.csv">/national/activity.csv</a> and
        <a href="/national/activity.json">/national/activity.json</a>, and over GraphQL as <code>national</code>.</p>
        </body></html>
        """;
}
