using System.Collections;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;

namespace Crm.Domain.Common;

/// <summary>
/// An immutable list compared item by item, so that records holding it (events, state) keep value
/// equality: two lists are equal when they hold equal items in the same order.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
[CollectionBuilder(typeof(EquatableList), nameof(EquatableList.Create))]
[JsonConverter(typeof(EquatableCollectionJsonConverterFactory))]
public sealed class EquatableList<T> : IReadOnlyList<T>, IEquatable<EquatableList<T>>
{
    private readonly ImmutableArray<T> _items;

    internal EquatableList(ImmutableArray<T> items) => _items = items;

    /// <summary>The number of items.</summary>
    public int Count => _items.Length;

    /// <summary>The item at <paramref name="index"/>.</summary>
    public T this[int index] => _items[index];

    /// <summary>A new list with <paramref name="item"/> appended.</summary>
    public EquatableList<T> Add(T item) => new(_items.Add(item));

    /// <summary>A new list with the item at <paramref name="index"/> replaced.</summary>
    public EquatableList<T> SetItem(int index, T item) => new(_items.SetItem(index, item));

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public bool Equals(EquatableList<T>? other) =>
        other is not null && (ReferenceEquals(this, other) || _items.AsSpan().SequenceEqual(other._items.AsSpan(), EqualityComparer<T>.Default));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as EquatableList<T>);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in _items)
        {
            hash.Add(item);
        }
        return hash.ToHashCode();
    }

    /// <summary>Item-by-item equality.</summary>
    public static bool operator ==(EquatableList<T>? left, EquatableList<T>? right) => Equals(left, right);

    /// <summary>Item-by-item inequality.</summary>
    public static bool operator !=(EquatableList<T>? left, EquatableList<T>? right) => !Equals(left, right);

    /// <inheritdoc />
    public override string ToString() => "[" + string.Join(", ", _items) + "]";
}

/// <summary>Creates <see cref="EquatableList{T}"/> values (also the builder behind collection expressions).</summary>
public static class EquatableList
{
    /// <summary>The empty list.</summary>
    public static EquatableList<T> Empty<T>() => EmptyHolder<T>.Value;

    /// <summary>A list of the given items (the target of <c>[a, b]</c> collection expressions).</summary>
    public static EquatableList<T> Create<T>(ReadOnlySpan<T> items) =>
        items.IsEmpty ? Empty<T>() : new EquatableList<T>(ImmutableArray.Create(items));

    /// <summary>A list of the given items, in their order.</summary>
    public static EquatableList<T> From<T>(IEnumerable<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items as EquatableList<T> ?? new EquatableList<T>([.. items]);
    }

    private static class EmptyHolder<T>
    {
        public static readonly EquatableList<T> Value = new(ImmutableArray<T>.Empty);
    }
}
