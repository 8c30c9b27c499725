using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;

namespace OurSociety.Federation.Api.Transport;

/// <summary>
/// GraphQL.NET's complexity analyzer with the limits of <see cref="GraphQLHttpOptions"/> and coded errors.
/// Each field costs 1, times the child multipliers above it: a connection's <c>first</c> (its default when
/// omitted), or 20 for a list without one. Introspection costs nothing (GraphiQL's schema query would
/// otherwise be the costliest request a client makes) but still counts towards depth.
/// </summary>
/// <remarks>
/// It reads argument values, which may come from variables, so it also runs on cached documents
/// (<c>CachedDocumentValidationRules</c>): a document cached with <c>$first = 1</c> is checked again
/// when it comes back with <c>$first = 100</c>.
/// </remarks>
internal sealed class QueryLimitsValidationRule : ComplexityValidationRule
{
    private static readonly Func<FieldImpactContext, FieldComplexityResult> _defaultImpact = new ComplexityOptions().DefaultComplexityImpactDelegate;

    public QueryLimitsValidationRule(int maxDepth, int maxComplexity)
        : base(new ComplexityOptions
        {
            MaxDepth = maxDepth,
            MaxComplexity = maxComplexity,
            DefaultComplexityImpactDelegate = context => context.FieldDefinition.Name.StartsWith("__", StringComparison.Ordinal)
                ? new FieldComplexityResult(0, 0)
                : _defaultImpact(context),
        })
    {
    }

    protected override ValueTask ValidateComplexityAsync(ValidationContext context, double totalComplexity, int maxDepth)
    {
        if (maxDepth > Options.MaxDepth)
        {
            context.ReportError(new QueryTooDeepError(maxDepth, Options.MaxDepth.Value));
        }
        else if (totalComplexity > Options.MaxComplexity)
        {
            context.ReportError(new QueryTooComplexError(totalComplexity, Options.MaxComplexity.Value));
        }

        return default;
    }
}
