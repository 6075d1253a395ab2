using System.Buffers.Text;
using System.Text;

namespace Crm.Api.ReadModels;

/// <summary>Which page of a list to read: its size, its direction and the cursor it starts after (or before).</summary>
/// <param name="Size">How many items, at least 1.</param>
/// <param name="Backward">Whether the page ends before <paramref name="Cursor"/> (<c>last</c>/<c>before</c>) instead of starting after it (<c>first</c>/<c>after</c>).</param>
/// <param name="Cursor">The cursor of the item next to the page, or null for the list's start (end when backward).</param>
internal sealed record PageRequest(int Size, bool Backward, string? Cursor);

/// <summary>One item of a page and the cursor that points at it.</summary>
internal sealed record PageItem<T>(T Node, string Cursor);

/// <summary>A page of a list, in list order.</summary>
/// <param name="Items">The items with their cursors.</param>
/// <param name="HasNext">Whether items follow the last one.</param>
/// <param name="HasPrevious">Whether items precede the first one.</param>
internal sealed record PageSlice<T>(IReadOnlyList<PageItem<T>> Items, bool HasNext, bool HasPrevious)
{
    /// <summary>
    /// Shapes the rows of a keyset query that asked for one row more than the page holds: in
    /// the backward direction the rows come newest-to-oldest of the reversed order, so they are
    /// put back into list order. A cursor given means an item exists on its side of the page.
    /// </summary>
    public static PageSlice<T> FromRows(List<T> rows, PageRequest page, Func<T, string> cursor)
    {
        var more = rows.Count > page.Size;
        if (more)
        {
            rows.RemoveAt(rows.Count - 1);
        }
        if (page.Backward)
        {
            rows.Reverse();
        }
        var items = new PageItem<T>[rows.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = new PageItem<T>(rows[i], cursor(rows[i]));
        }
        var cursorGiven = page.Cursor is not null;
        return page.Backward
            ? new PageSlice<T>(items, cursorGiven, more)
            : new PageSlice<T>(items, more, cursorGiven);
    }
}

/// <summary>The API's own opaque cursors: a list name and a key, base64url-encoded.</summary>
internal static class ListCursors
{
    public static string Encode(string list, string key) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(list + "|" + key));

    /// <summary>The key parts of a cursor made for <paramref name="list"/>, or null when it is not one.</summary>
    public static string[]? Decode(string list, string cursor, int parts)
    {
        if (cursor.Length > 512)
        {
            return null;
        }
        string text;
        try
        {
            text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
        }
        catch (FormatException)
        {
            return null;
        }
        var split = text.Split('|');
        return split.Length == parts + 1 && split[0] == list ? split[1..] : null;
    }
}
