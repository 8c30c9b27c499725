using System.Collections.Frozen;
using System.Security.Cryptography;

namespace OurSociety.Federation.Api.Transport;

/// <summary>
/// GraphiQL's page template and browser files, embedded in this assembly by the build (see the
/// <c>EmbedGraphiQL</c> target in the project file), so they are served by the hub and never from a CDN.
/// </summary>
internal sealed class GraphiQLAssets
{
    private const string Prefix = "graphiql/";
    private const string PageResource = Prefix + "index.html";

    /// <summary>The files the page loads, in the order it loads them; all must be present for the page to work.</summary>
    public static readonly IReadOnlyList<string> PageFiles =
        ["graphiql.min.css", "react.production.min.js", "react-dom.production.min.js", "graphiql.min.js", "start.js"];

    private readonly FrozenDictionary<string, Asset> _files;

    public GraphiQLAssets()
        : this(typeof(GraphiQLAssets).Assembly)
    {
    }

    /// <summary>The files embedded in <paramref name="assembly"/>; tests pass one without them.</summary>
    internal GraphiQLAssets(System.Reflection.Assembly assembly)
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
        PageTemplate = page is null ? string.Empty : new StreamReader(page).ReadToEnd();
        IsComplete = page is not null && PageFiles.All(_files.ContainsKey);
    }

    /// <summary>The page, with <c>{{assets}}</c> and <c>{{endpoint}}</c> to fill in.</summary>
    public string PageTemplate { get; }

    /// <summary>False when the build had no npm: the page then explains instead of loading GraphiQL.</summary>
    public bool IsComplete { get; }

    public Asset? Find(string file) => _files.GetValueOrDefault(file);

    private static string ContentTypeOf(string name) => Path.GetExtension(name) switch
    {
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        _ => "application/octet-stream",
    };

    /// <summary>One file, with its media type and an entity tag from its content.</summary>
    internal sealed record Asset(byte[] Content, string ContentType, string ETag);
}
