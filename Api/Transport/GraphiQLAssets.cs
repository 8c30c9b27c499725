using OurSociety.Federation.Api.Common;

namespace OurSociety.Federation.Api.Transport;

/// <summary>
/// GraphiQL's page template and browser files, embedded in this assembly by the build (see the
/// <c>EmbedGraphiQL</c> target in the project file), so they are served by the hub and never from a CDN.
/// </summary>
internal sealed class GraphiQLAssets
{
    /// <summary>The files the page loads, in the order it loads them; all must be present for the page to work.</summary>
    public static readonly IReadOnlyList<string> PageFiles =
        ["graphiql.min.css", "react.production.min.js", "react-dom.production.min.js", "graphiql.min.js", "start.js"];

    private readonly EmbeddedFiles _files;

    public GraphiQLAssets()
        : this(typeof(GraphiQLAssets).Assembly)
    {
    }

    /// <summary>The files embedded in <paramref name="assembly"/>; tests pass one without them.</summary>
    internal GraphiQLAssets(System.Reflection.Assembly assembly)
    {
        _files = new EmbeddedFiles(assembly, "graphiql/");
        PageTemplate = _files.Page ?? string.Empty;
        IsComplete = _files.Page is not null && PageFiles.All(_files.Contains);
    }

    /// <summary>The page, with <c>{{assets}}</c> and <c>{{endpoint}}</c> to fill in.</summary>
    public string PageTemplate { get; }

    /// <summary>False when the build had no npm: the page then explains instead of loading GraphiQL.</summary>
    public bool IsComplete { get; }

    public EmbeddedFile? Find(string file) => _files.Find(file);
}
