using System.Buffers.Text;
using System.Text;

namespace Crm.Projections;

/// <summary>One item of a page with the cursor that continues after it.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Node">The item.</param>
/// <param name="Cursor">Pass it as <c>after</c> to get the items that follow this one.</param>
public sealed record Edge<T>(T Node, string Cursor);

/// <summary>A page of a keyset-paginated list.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Edges">The items, in list order, each with its cursor.</param>
/// <param name="HasNextPage">Whether more items follow the last one.</param>
public sealed record Page<T>(IReadOnlyList<Edge<T>> Edges, bool HasNextPage)
{
    /// <summary>The cursor of the last item, to ask for the next page; null for an empty page.</summary>
    public string? EndCursor => Edges.Count == 0 ? null : Edges[^1].Cursor;

    /// <summary>The items without their cursors.</summary>
    public IEnumerable<T> Nodes => Edges.Select(e => e.Node);
}

/// <summary>Opaque cursors: a list name and the key of the last row seen, base64url-encoded.</summary>
internal static class Cursors
{
    /// <summary>The most items one page may hold.</summary>
    public const int MaxPageSize = 500;

    public static string Encode(string list, params ReadOnlySpan<string> key) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(list + "|" + string.Join('|', key.ToArray())));

    /// <summary>The key parts of a cursor made by <see cref="Encode"/> for <paramref name="list"/>.</summary>
    /// <exception cref="ArgumentException">The cursor was not made for this list.</exception>
    public static string[] Decode(string list, string cursor, int parts)
    {
        string[]? decoded = null;
        try
        {
            decoded = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)).Split('|');
        }
        catch (FormatException)
        {
            // Not base64url: reported below like any other foreign cursor.
        }
        if (decoded is null || decoded.Length != parts + 1 || decoded[0] != list)
        {
            throw new ArgumentException($"'{cursor}' is not a cursor of the {list} list; pass the cursor of an item of a page of this list.", nameof(cursor));
        }
        return decoded[1..];
    }

    /// <exception cref="ArgumentOutOfRangeException">The page size is not from 1 to <see cref="MaxPageSize"/>.</exception>
    public static void CheckPageSize(int first)
    {
        if (first is < 1 or > MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(first), first, $"A page holds from 1 to {MaxPageSize} items; {first} was asked for.");
        }
    }
}
