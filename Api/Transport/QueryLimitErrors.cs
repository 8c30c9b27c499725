using GraphQL.Validation;

namespace OurSociety.Federation.Api.Transport;

/// <summary>The document nests deeper than <see cref="GraphQLHttpOptions.MaxDepth"/>.</summary>
public sealed class QueryTooDeepError : ValidationError
{
    public QueryTooDeepError(int depth, int maxDepth)
        : base($"The query nests {depth} levels deep; at most {maxDepth} are allowed. Ask for less at once and page or refetch by id.")
    {
        Code = TransportErrorCodes.QueryTooDeep;
    }
}

/// <summary>The document's estimated cost is above <see cref="GraphQLHttpOptions.MaxComplexity"/>.</summary>
public sealed class QueryTooComplexError : ValidationError
{
    public QueryTooComplexError(double complexity, int maxComplexity)
        : base($"The query's estimated cost is {complexity:0}; at most {maxComplexity} is allowed. Ask for smaller pages (first) or fewer nested lists.")
    {
        Code = TransportErrorCodes.QueryTooComplex;
    }
}
