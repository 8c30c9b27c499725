using System.Collections.Frozen;
using System.Net;
using System.Security.Cryptography;

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
        response.Headers.ETag = asset.ETag;
        response.Headers.CacheControl = "no-cache";
        if (http.Request.Headers.IfNoneMatch == asset.ETag)
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.ContentType = asset.ContentType;
        response.ContentLength = asset.Content.Length;
        await response.Body.WriteAsync(asset.Content, http.RequestAborted);
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

    private const string Prefix = "dashboard/";
    private const string PageResource = Prefix + "index.html";

    private readonly FrozenDictionary<string, Asset> _files;

    public DashboardAssets()
        : this(typeof(DashboardAssets).Assembly)
    {
    }

    /// <summary>The files embedded in <paramref name="assembly"/>; tests pass one without them.</summary>
    internal DashboardAssets(System.Reflection.Assembly assembly)
    {
        var files = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n != PageResource))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var content = copy.ToArray();
            files[name[Prefix.Length..]] = new Asset(content, ContentTypeOf(name), $"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..16]}\"");
        }

        _files = files.ToFrozenDictionary(StringComparer.Ordinal);
        using var page = assembly.GetManifestResourceStream(PageResource);
        PageTemplate = page is null ? NotBuiltPage : new StreamReader(page).ReadToEnd();
        HasCharts = _files.ContainsKey(ChartFile);
    }

    /// <summary>The page, with <c>{{assets}}</c>, <c>{{national}}</c>, <c>{{endpoint}}</c>, <c>{{charts}}</c> and <c>{{chartScript}}</c> to fill in.</summary>
    public string PageTemplate { get; }

    /// <summary>False when the build had no npm: the page then shows its tables only, and says why.</summary>
    public bool HasCharts { get; }

    public Asset? Find(string file) => _files.GetValueOrDefault(file);

    private static string ContentTypeOf(string name) => System.IO.Path.GetExtension(name) switch
    {
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        _ => "application/octet-stream",
    };

    private const string NotBuiltPage = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>National dashboard not available</title></head>
        <body><h1>The national dashboard was not built into this hub</h1>
        <p>The national counts are open data at <a href="/national/activity.csv">/national/activity.csv</a> and
        <a href="/national/activity.json">/national/activity.json</a>, and over GraphQL as <code>national</code>.</p>
        </body></html>
        """;

    /// <summary>One file, with its media type and an entity tag from its content.</summary>
    internal sealed record Asset(byte[] Content, string ContentType, string ETag);
}
