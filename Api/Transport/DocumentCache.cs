using GraphQL;
using GraphQL.DI;
using GraphQL.Types;
using GraphQLParser.AST;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace OurSociety.Federation.Api.Transport;

/// <summary>
/// Reuses parsed and validated documents, as GraphQL.NET's MemoryCache add-on would. On a hit the
/// executer gets the document and only <c>CachedDocumentValidationRules</c> (rules that depend on the
/// request, such as <see cref="GetQueriesOnlyValidationRule"/>), so parsing and validation are skipped.
/// Only documents that passed validation and executed are stored; the key is the query text and the
/// schema instance. Clients should send values as variables: literals make every request a new key.
/// </summary>
internal sealed class DocumentCache : IConfigureExecution, IDisposable
{
    private readonly MemoryCache? _cache;

    public DocumentCache(IOptions<GraphQLHttpOptions> options)
    {
        var sizeLimit = options.Value.DocumentCacheSizeLimit;
        // A private cache rather than the app's IMemoryCache: with a SizeLimit every entry must carry a
        // size, which other users of a shared cache would not set.
        _cache = sizeLimit > 0 ? new MemoryCache(new MemoryCacheOptions { SizeLimit = sizeLimit }) : null;
    }

    /// <summary>
    /// After the option configurations (100), which add validation rules, so that on a hit their
    /// full rule list is replaced by the cached-document list.
    /// </summary>
    public float SortOrder => 200;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (_cache is null || options.Document is not null || options.Query is not { } query || options.Schema is not { } schema)
        {
            return await next(options);
        }

        var key = new Key(schema, query);
        if (_cache.TryGetValue(key, out GraphQLDocument? cached) && cached is not null)
        {
            options.Document = cached;
            options.ValidationRules = options.CachedDocumentValidationRules ?? [];
            return await next(options);
        }

        var result = await next(options);
        if (result.Executed && result.Document is { } document)
        {
            _cache.Set(key, document, new MemoryCacheEntryOptions { Size = Math.Max(1, query.Length) });
        }

        return result;
    }

    public void Dispose() => _cache?.Dispose();

    /// <summary>Schemas are compared by reference: one instance per registered schema.</summary>
    private sealed record Key(ISchema Schema, string Query);
}
