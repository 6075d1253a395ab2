using System.Collections;
using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Crm.Domain.Common;

/// <summary>An immutable set compared by its members, so aggregate state that holds it keeps value equality.</summary>
/// <typeparam name="T">The member type.</typeparam>
[JsonConverter(typeof(EquatableCollectionJsonConverterFactory))]
public sealed class EquatableSet<T> : IReadOnlyCollection<T>, IEquatable<EquatableSet<T>>
{
    private readonly ImmutableHashSet<T> _members;

    internal EquatableSet(ImmutableHashSet<T> members) => _members = members;

    /// <inheritdoc />
    public int Count => _members.Count;

    /// <summary>Whether <paramref name="item"/> is a member.</summary>
    public bool Contains(T item) => _members.Contains(item);

    /// <summary>A new set that also holds <paramref name="item"/>.</summary>
    public EquatableSet<T> Add(T item) => new(_members.Add(item));

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator() => _members.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public bool Equals(EquatableSet<T>? other) => other is not null && other.Count == Count && _members.SetEquals(other._members);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as EquatableSet<T>);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        // Member order is not part of equality, so the hash must not depend on it either.
        var hash = 0;
        foreach (var member in _members)
        {
            hash ^= member is null ? 0 : EqualityComparer<T>.Default.GetHashCode(member);
        }
        return HashCode.Combine(Count, hash);
    }

    /// <summary>Member-wise equality.</summary>
    public static bool operator ==(EquatableSet<T>? left, EquatableSet<T>? right) => Equals(left, right);

    /// <summary>Member-wise inequality.</summary>
    public static bool operator !=(EquatableSet<T>? left, EquatableSet<T>? right) => !Equals(left, right);

    /// <inheritdoc />
    public override string ToString() => "{" + string.Join(", ", _members) + "}";
}

/// <summary>Creates <see cref="EquatableSet{T}"/> values.</summary>
public static class EquatableSet
{
    /// <summary>The empty set.</summary>
    public static EquatableSet<T> Empty<T>() => EmptyHolder<T>.Value;

    private static class EmptyHolder<T>
    {
        public static readonly EquatableSet<T> Value = new(ImmutableHashSet<T>.Empty);
    }
}
