using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Crm.GraphQL.Types;

/// <summary>A schema element that has a name unique among its siblings.</summary>
public interface INamedDefinition
{
    /// <summary>The element's name.</summary>
    string Name { get; }
}

/// <summary>
/// The fields, arguments or values of a type, in declaration order, with lookup by name.
/// </summary>
/// <typeparam name="T">The kind of definition held.</typeparam>
public sealed class DefinitionCollection<T> : IReadOnlyList<T>
    where T : class, INamedDefinition
{
    /// <summary>An empty collection.</summary>
    public static readonly DefinitionCollection<T> Empty = new([]);

    private readonly T[] _items;
    private readonly Dictionary<string, T>? _byName;

    internal DefinitionCollection(T[] items)
    {
        _items = items;
        // Short lists are searched linearly: cheaper than hashing for the usual two or three arguments.
        if (items.Length > 8)
        {
            _byName = new Dictionary<string, T>(items.Length, StringComparer.Ordinal);
            foreach (var item in items)
            {
                _byName.TryAdd(item.Name, item);
            }
        }
    }

    /// <inheritdoc />
    public int Count => _items.Length;

    /// <inheritdoc />
    public T this[int index] => _items[index];

    /// <summary>The definition with the given name, or <see langword="null"/>.</summary>
    public T? this[string name] => TryGetValue(name, out var value) ? value : null;

    /// <summary>Finds the definition with the given name.</summary>
    public bool TryGetValue(string name, [MaybeNullWhen(false)] out T value)
    {
        if (_byName is not null)
        {
            return _byName.TryGetValue(name, out value);
        }
        foreach (var item in _items)
        {
            if (string.Equals(item.Name, name, StringComparison.Ordinal))
            {
                value = item;
                return true;
            }
        }
        value = null;
        return false;
    }

    /// <summary>Whether a definition with the given name exists.</summary>
    public bool Contains(string name) => TryGetValue(name, out _);

    /// <summary>The index of the definition with the given name, or -1.</summary>
    public int IndexOf(string name)
    {
        for (var i = 0; i < _items.Length; i++)
        {
            if (string.Equals(_items[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>Returns an allocation-free enumerator.</summary>
    public ArraySegment<T>.Enumerator GetEnumerator() => new ArraySegment<T>(_items).GetEnumerator();

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();
}
