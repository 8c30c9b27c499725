using GraphQL.Validation;
using GraphQLParser.AST;
using OurSociety.Federation.Common;

namespace OurSociety.Federation.Api.Common;

/// <summary>
/// Every <c>first</c> argument in the hub's schema is a page size, 1 to <see cref="MaxPageSize"/>. Checked in
/// validation (after variables are coerced), so a bad page size is one coded request error (<c>PAGE_SIZE_INVALID</c>,
/// HTTP 400) whichever connection it is on, before any grain is called and before the complexity analyzer
/// multiplies by it. Also runs on cached documents, since the value may come from a variable.
/// </summary>
public sealed class PageSizeValidationRule : ValidationRuleBase
{
    public const string ArgumentName = "first";
    public const int MaxPageSize = 100;

    public static PageSizeValidationRule Instance { get; } = new();

    private PageSizeValidationRule()
    {
    }

    public override ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context)
    {
        foreach (var (field, arguments) in context.ArgumentValues ?? [])
        {
            if (arguments.TryGetValue(ArgumentName, out var first) && first.Value is int size and (< 1 or > MaxPageSize))
            {
                var node = (ASTNode?)field.Arguments?.FirstOrDefault(a => a.Name.Value == ArgumentName) ?? field;
                context.ReportError(new PageSizeError(context, node, size));
            }
        }

        return default;
    }
}

/// <summary>A <c>first</c> outside 1 to 100.</summary>
public sealed class PageSizeError : ValidationError
{
    public PageSizeError(ValidationContext context, ASTNode node, int size)
        : base(context.Document.Source, null, $"'first' must be between 1 and {PageSizeValidationRule.MaxPageSize}; it was {size}.", node)
    {
        Code = ErrorCodes.PageSizeInvalid;
    }
}
