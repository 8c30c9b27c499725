namespace OurSociety.Federation.Api.Common;

/// <summary>A Relay cursor connection: one page of a list.</summary>
public sealed record RelayConnection<T>(IReadOnlyList<RelayEdge<T>> Edges, RelayPageInfo PageInfo, long? TotalCount)
{
    /// <summary>Builds a forward page from items and the cursor of each.</summary>
    public static RelayConnection<T> Forward(IReadOnlyList<T> items, Func<T, string> cursor, bool hasNextPage, bool hasPreviousPage, long? totalCount)
    {
        var edges = items.Select(i => new RelayEdge<T>(cursor(i), i)).ToArray();
        return new RelayConnection<T>(
            edges,
            new RelayPageInfo(hasNextPage, hasPreviousPage, edges.Length > 0 ? edges[0].Cursor : null, edges.Length > 0 ? edges[^1].Cursor : null),
            totalCount);
    }
}

/// <summary>One item of a connection with its cursor.</summary>
public sealed record RelayEdge<T>(string Cursor, T Node);

/// <summary>Where a page sits in its list.</summary>
public sealed record RelayPageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);
