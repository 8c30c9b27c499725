using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;

namespace OurSociety.Federation.Api.Common;

/// <summary>
/// Browser files the build embedded in this assembly under one prefix (GraphiQL's, the national dashboard's), so the
/// hub serves them itself and never from a CDN: a page template, and files with their media type and an entity tag.
/// </summary>
internal sealed class EmbeddedFiles
{
    private readonly FrozenDictionary<string, EmbeddedFile> _files;

    /// <summary>The resources of <paramref name="assembly"/> named <c>{prefix}{file}</c>; the page is <c>{prefix}index.html</c>.</summary>
    public EmbeddedFiles(Assembly assembly, string prefix)
    {
        var pageResource = prefix + "index.html";
        var files = new Dictionary<string, EmbeddedFile>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n != pageResource))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var content = copy.ToArray();
            files[name[prefix.Length..]] = new EmbeddedFile(content, ContentTypeOf(name), $"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..16]}\"");
        }

        _files = files.ToFrozenDictionary(StringComparer.Ordinal);
        using var page = assembly.GetManifestResourceStream(pageResource);
        Page = page is null ? null : new StreamReader(page).ReadToEnd();
    }

    /// <summary>The page template, or null when the build did not embed it.</summary>
    public string? Page { get; }

    public EmbeddedFile? Find(string file) => _files.GetValueOrDefault(file);

    public bool Contains(string file) => _files.ContainsKey(file);

    private static string ContentTypeOf(string name) => Path.GetExtension(name) switch
    {
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        _ => "application/octet-stream",
    };
}

/// <summary>One embedded file, with its media type and an entity tag from its content.</summary>
internal sealed record EmbeddedFile(byte[] Content, string ContentType, string ETag)
{
    /// <summary>
    /// Answers with the file, revalidated on every use (<c>no-cache</c>, <c>nosniff</c>): 304 when the request's
    /// <c>If-None-Match</c> is its entity tag.
    /// </summary>
    public async Task WriteAsync(HttpContext http)
    {
        var response = http.Response;
        response.Headers.ETag = ETag;
        response.Headers.CacheControl = "no-cache";
        response.Headers.XContentTypeOptions = "nosniff";
        if (http.Request.Headers.IfNoneMatch == ETag)
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.ContentType = ContentType;
        response.ContentLength = Content.Length;
        await response.Body.WriteAsync(Content, http.RequestAborted);
    }
}
