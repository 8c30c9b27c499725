using GraphQL;
using GraphQL.DI;
using GraphQL.Validation;
using Microsoft.Extensions.Options;

namespace OurSociety.Federation.Api.Transport;

/// <summary>
/// Adds the validation rules that <see cref="GraphQLHttpOptions"/> switch on: depth and complexity limits
/// (for new and cached documents alike, since the cost depends on variables) and, when introspection is
/// off, the rule refusing it. With introspection off it also drops GraphQL.NET's "Did you mean …?" hints from
/// validation errors, which would otherwise let a caller discover field and type names one guess at a time.
/// </summary>
internal sealed class ValidationLimits : IConfigureExecution
{
    private readonly IValidationRule[] _rules;
    private readonly IValidationRule[] _cachedRules;
    private readonly bool _introspection;

    /// <summary>How GraphQL.NET starts a suggestion in a validation message.</summary>
    private const string Hint = " Did you mean";

    public ValidationLimits(IOptions<GraphQLHttpOptions> options)
    {
        var limits = new QueryLimitsValidationRule(options.Value.MaxDepth, options.Value.MaxComplexity);
        _rules = options.Value.Introspection ? [limits] : [limits, IntrospectionDisabledValidationRule.Instance];
        _cachedRules = [limits];
        _introspection = options.Value.Introspection;
    }

    /// <summary>With the option configurations (100) and before the document cache (200), which swaps in the cached-document rules.</summary>
    public float SortOrder => 110;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        options.ValidationRules = [.. options.ValidationRules ?? DocumentValidator.CoreRules, .. _rules];
        options.CachedDocumentValidationRules = [.. options.CachedDocumentValidationRules ?? [], .. _cachedRules];
        var result = await next(options);
        if (!_introspection && result.Errors is { } errors && errors.Any(e => e.Message.Contains(Hint, StringComparison.Ordinal)))
        {
            var hintless = new ExecutionErrors();
            foreach (var error in errors)
            {
                hintless.Add(error is ValidationError validation && error.Message.IndexOf(Hint, StringComparison.Ordinal) is var hint and > 0
                    ? new HintlessValidationError(validation, error.Message[..hint])
                    : error);
            }

            result.Errors = hintless;
        }

        return result;
    }

    /// <summary>A validation error without its suggestions; code, locations and path as before.</summary>
    private sealed class HintlessValidationError : ValidationError
    {
        public HintlessValidationError(ValidationError original, string message)
            : base(message)
        {
            Code = original.Code;
            Path = original.Path;
            Extensions = original.Extensions;
            foreach (var location in original.Locations ?? [])
            {
                AddLocation(location);
            }
        }
    }
}
