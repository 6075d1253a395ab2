using System.Collections;
using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Crm.Domain.Common;

/// <summary>
/// An immutable dictionary compared by its entries, so aggregate state that holds it keeps value
/// equality: two dictionaries are equal when they have the same keys with equal values.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
[JsonConverter(typeof(EquatableCollectionJsonConverterFactory))]
public sealed class EquatableDictionary<TKey, TValue> : IReadOnlyDictionary<TKey, TValue>, IEquatable<EquatableDictionary<TKey, TValue>>
    where TKey : notnull
{
    private readonly ImmutableDictionary<TKey, TValue> _entries;

    internal EquatableDictionary(ImmutableDictionary<TKey, TValue> entries) => _entries = entries;

    /// <inheritdoc />
    public int Count => _entries.Count;

    /// <inheritdoc />
    public TValue this[TKey key] => _entries[key];

    /// <inheritdoc />
    public IEnumerable<TKey> Keys => _entries.Keys;

    /// <inheritdoc />
    public IEnumerable<TValue> Values => _entries.Values;

    /// <summary>A new dictionary with <paramref name="key"/> set to <paramref name="value"/>.</summary>
    public EquatableDictionary<TKey, TValue> SetItem(TKey key, TValue value) => new(_entries.SetItem(key, value));

    /// <inheritdoc />
    public bool ContainsKey(TKey key) => _entries.ContainsKey(key);

    /// <inheritdoc />
    public bool TryGetValue(TKey key, out TValue value) => _entries.TryGetValue(key, out value!);

    /// <summary>The value for <paramref name="key"/>, or the default when absent.</summary>
    public TValue? GetValueOrDefault(TKey key) => _entries.TryGetValue(key, out var value) ? value : default;

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public bool Equals(EquatableDictionary<TKey, TValue>? other)
    {
        if (other is null || other.Count != Count)
        {
            return false;
        }
        foreach (var (key, value) in _entries)
        {
            if (!other._entries.TryGetValue(key, out var otherValue) || !EqualityComparer<TValue>.Default.Equals(value, otherValue))
            {
                return false;
            }
        }
        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as EquatableDictionary<TKey, TValue>);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        // Entry order is not part of equality, so the hash must not depend on it either.
        var hash = 0;
        foreach (var (key, value) in _entries)
        {
            hash ^= HashCode.Combine(key, value);
        }
        return HashCode.Combine(Count, hash);
    }

    /// <summary>Entry-wise equality.</summary>
    public static bool operator ==(EquatableDictionary<TKey, TValue>? left, EquatableDictionary<TKey, TValue>? right) => Equals(left, right);

    /// <summary>Entry-wise inequality.</summary>
    public static bool operator !=(EquatableDictionary<TKey, TValue>? left, EquatableDictionary<TKey, TValue>? right) => !Equals(left, right);

    /// <inheritdoc />
    public override string ToString() => "{" + string.Join(", ", _entries.Select(e => $"{e.Key}: {e.Value}")) + "}";
}

/// <summary>Creates <see cref="EquatableDictionary{TKey, TValue}"/> values.</summary>
public static class EquatableDictionaries
{
    /// <summary>The empty dictionary.</summary>
    public static EquatableDictionary<TKey, TValue> Empty<TKey, TValue>()
        where TKey : notnull => EmptyHolder<TKey, TValue>.Value;

    private static class EmptyHolder<TKey, TValue>
        where TKey : notnull
    {
        public static readonly EquatableDictionary<TKey, TValue> Value = new(ImmutableDictionary<TKey, TValue>.Empty);
    }
}
