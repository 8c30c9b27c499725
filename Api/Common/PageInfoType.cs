using GraphQL.Types;

namespace OurSociety.Federation.Api.Common;

public sealed class PageInfoType : ObjectGraphType<RelayPageInfo>
{
    public PageInfoType()
    {
        Name = "PageInfo";
        Description = "Where a page sits in its list (Relay cursor connections).";
        Field(x => x.HasNextPage).Description("Whether there may be more items after this page.");
        Field(x => x.HasPreviousPage).Description("Whether this page started after a cursor.");
        Field<CursorScalar>("startCursor").Description("The cursor of the first edge; null for an empty page.").Resolve(ctx => ctx.Source.StartCursor);
        Field<CursorScalar>("endCursor").Description("The cursor of the last edge, to pass as `after` for the next page; null for an empty page.").Resolve(ctx => ctx.Source.EndCursor);
    }
}
