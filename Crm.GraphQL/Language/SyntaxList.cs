using System.Collections;

namespace Crm.GraphQL.Language;

/// <summary>
/// The read-only list every syntax node holds. It compares element by element so that records
/// holding it keep structural equality.
/// </summary>
internal sealed class SyntaxList<T> : IReadOnlyList<T>, IEquatable<SyntaxList<T>>
    where T : SyntaxNode
{
    public static readonly SyntaxList<T> Empty = new([]);

    private readonly T[] _items;

    public SyntaxList(T[] items) => _items = items;

    public int Count => _items.Length;

    public T this[int index] => _items[index];

    public ArraySegment<T>.Enumerator GetEnumerator() => new ArraySegment<T>(_items).GetEnumerator();

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    public bool Equals(SyntaxList<T>? other) => other is not null && SequenceEqual(other);

    public override bool Equals(object? obj) => obj is SyntaxList<T> other && SequenceEqual(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in _items)
        {
            hash.Add(item);
        }
        return hash.ToHashCode();
    }

    private bool SequenceEqual(SyntaxList<T> other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }
        if (other._items.Length != _items.Length)
        {
            return false;
        }
        for (var i = 0; i < _items.Length; i++)
        {
            if (!Equals(_items[i], other._items[i]))
            {
                return false;
            }
        }
        return true;
    }
}

/// <summary>Normalizes the lists handed to syntax nodes so that equality stays structural whoever built the node.</summary>
internal static class SyntaxList
{
    public static SyntaxList<T> Of<T>(IReadOnlyList<T>? items)
        where T : SyntaxNode => items switch
        {
            SyntaxList<T> list => list,
            null or { Count: 0 } => SyntaxList<T>.Empty,
            _ => new SyntaxList<T>([.. items]),
        };
}
