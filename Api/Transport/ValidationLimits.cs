using GraphQL;
using GraphQL.DI;
using GraphQL.Validation;
using Microsoft.Extensions.Options;

namespace OurSociety.Federation.Api.Transport;

/// <summary>
/// Adds the validation rules that <see cref="GraphQLHttpOptions"/> switch on: depth and complexity limits
/// (for new and cached documents alike, since the cost depends on variables) and, when introspection is
/// off, the rule refusing it.
/// </summary>
internal sealed class ValidationLimits : IConfigureExecution
{
    private readonly IValidationRule[] _rules;
    private readonly IValidationRule[] _cachedRules;

    public ValidationLimits(IOptions<GraphQLHttpOptions> options)
    {
        var limits = new QueryLimitsValidationRule(options.Value.MaxDepth, options.Value.MaxComplexity);
        _rules = options.Value.Introspection ? [limits] : [limits, IntrospectionDisabledValidationRule.Instance];
        _cachedRules = [limits];
    }

    /// <summary>With the option configurations (100) and before the document cache (200), which swaps in the cached-document rules.</summary>
    public float SortOrder => 110;

    public Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        options.ValidationRules = [.. options.ValidationRules ?? DocumentValidator.CoreRules, .. _rules];
        options.CachedDocumentValidationRules = [.. options.CachedDocumentValidationRules ?? [], .. _cachedRules];
        return next(options);
    }
}
