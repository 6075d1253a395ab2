using Crm.Api.ReadModels;
using Crm.Projections;

namespace Crm.Api.GraphQL;

/// <summary>A Relay connection as the GraphQL connection types read it.</summary>
/// <typeparam name="T">The node type.</typeparam>
internal sealed class Connection<T> : ICountedList
{
    public required IReadOnlyList<ConnectionEdge<T>> Edges { get; init; }

    public required PageInfo PageInfo { get; init; }

    /// <summary>Counts every item of the list (not just the page), run only when <c>totalCount</c> is selected.</summary>
    public Func<CancellationToken, Task<int>>? Count { get; init; }

    public IEnumerable<T> Nodes => Edges.Select(static e => e.Node);
}

/// <summary>A list that can count all its items (not just one page).</summary>
internal interface ICountedList
{
    Func<CancellationToken, Task<int>>? Count { get; }
}

/// <summary>A node of a connection with its cursor.</summary>
internal sealed record ConnectionEdge<T>(T Node, string Cursor, double? Score = null);

/// <summary>Relay's page info.</summary>
internal sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);

/// <summary>Builds connections from the pages the read models return.</summary>
internal static class Connections
{
    public static Connection<TOut> From<TIn, TOut>(PageSlice<TIn> slice, Func<TIn, TOut> node, Func<CancellationToken, Task<int>>? count = null)
    {
        var edges = new ConnectionEdge<TOut>[slice.Items.Count];
        for (var i = 0; i < edges.Length; i++)
        {
            edges[i] = new ConnectionEdge<TOut>(node(slice.Items[i].Node), slice.Items[i].Cursor);
        }
        return Create(edges, slice.HasNext, slice.HasPrevious, count);
    }

    /// <summary>A forward page of <see cref="ReadModelQueries"/>; an <c>after</c> cursor means an item precedes the page.</summary>
    public static Connection<TOut> From<TIn, TOut>(Page<TIn> page, bool afterGiven, Func<TIn, TOut> node, Func<CancellationToken, Task<int>>? count = null)
    {
        var edges = new ConnectionEdge<TOut>[page.Edges.Count];
        for (var i = 0; i < edges.Length; i++)
        {
            edges[i] = new ConnectionEdge<TOut>(node(page.Edges[i].Node), page.Edges[i].Cursor);
        }
        return Create(edges, page.HasNextPage, afterGiven, count);
    }

    public static Connection<T> Create<T>(IReadOnlyList<ConnectionEdge<T>> edges, bool hasNext, bool hasPrevious, Func<CancellationToken, Task<int>>? count) => new()
    {
        Edges = edges,
        PageInfo = new PageInfo(hasNext, hasPrevious, edges.Count == 0 ? null : edges[0].Cursor, edges.Count == 0 ? null : edges[^1].Cursor),
        Count = count,
    };
}
