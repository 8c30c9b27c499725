using System.Collections.Concurrent;
using GraphQL.Validation;

namespace OurSociety.Federation.Api.Tests.Transport;

/// <summary>
/// Counts full validations per query text. Added without <c>useForCachedDocuments</c>, so it only runs
/// when a document is not served from the cache.
/// </summary>
public sealed class CountingValidationRule : ValidationRuleBase
{
    private readonly ConcurrentDictionary<string, int> _validations = new(StringComparer.Ordinal);

    public int ValidationsOf(string query) => _validations.GetValueOrDefault(query);

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        _validations.AddOrUpdate(context.Document.Source.ToString(), 1, (_, count) => count + 1);
        return default;
    }
}
