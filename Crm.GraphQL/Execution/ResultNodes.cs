using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Crm.GraphQL.Execution;

/// <summary>
/// A node of the response tree. Nodes know their parent and their slot in it, which gives error
/// paths without tracking them while executing, and lets a null travel up to the nearest nullable slot.
/// </summary>
internal abstract class ResultNode(ResultNode? parent, int parentIndex)
{
    public ResultNode? Parent { get; } = parent;

    public int ParentIndex { get; } = parentIndex;

    /// <summary>Set when a null propagated through this node: its content is no longer part of the response.</summary>
    public bool IsNulled { get; set; }

    public abstract bool IsSlotNonNull(int index);

    public abstract void Set(int index, object? value);

    public abstract object PathSegment(int index);

    /// <summary>Whether this node or any ancestor was nulled, so work under it is wasted.</summary>
    public bool IsDetached()
    {
        for (var node = this; node is not null; node = node.Parent)
        {
            if (node.IsNulled)
            {
                return true;
            }
        }
        return false;
    }

    public List<object> PathTo(int index)
    {
        var path = new List<object>(8) { PathSegment(index) };
        for (var node = this; node.Parent is not null; node = node.Parent)
        {
            path.Add(node.Parent.PathSegment(node.ParentIndex));
        }
        path.Reverse();
        return path;
    }
}

/// <summary>An object in the response: values in the order of the selection's response keys.</summary>
internal sealed class ResultMap : ResultNode, IReadOnlyDictionary<string, object?>
{
    public ResultMap(SelectionSetPlan plan, ResultNode? parent, int parentIndex)
        : base(parent, parentIndex)
    {
        Plan = plan;
        Values = plan.Fields.Length == 0 ? [] : new object?[plan.Fields.Length];
    }

    public SelectionSetPlan Plan { get; }

    public object?[] Values { get; }

    public int Count => Values.Length;

    public IEnumerable<string> Keys => Plan.ResponseNames;

    IEnumerable<object?> IReadOnlyDictionary<string, object?>.Values => Values;

    public object? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The response has no entry \"{key}\".");

    public override bool IsSlotNonNull(int index) => Plan.Fields[index].IsNonNull;

    public override void Set(int index, object? value) => Values[index] = value;

    public override object PathSegment(int index) => Plan.ResponseNames[index];

    public bool ContainsKey(string key) => Array.IndexOf(Plan.ResponseNames, key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        var index = Array.IndexOf(Plan.ResponseNames, key);
        if (index < 0)
        {
            value = null;
            return false;
        }
        value = Values[index];
        return true;
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < Values.Length; i++)
        {
            yield return new KeyValuePair<string, object?>(Plan.ResponseNames[i], Values[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>A list in the response.</summary>
internal sealed class ResultList(int count, bool itemsNonNull, ResultNode parent, int parentIndex)
    : ResultNode(parent, parentIndex), IReadOnlyList<object?>
{
    public object?[] Items { get; } = count == 0 ? [] : new object?[count];

    public int Count => Items.Length;

    public object? this[int index] => Items[index];

    public override bool IsSlotNonNull(int index) => itemsNonNull;

    public override void Set(int index, object? value) => Items[index] = value;

    public override object PathSegment(int index) => index;

    public IEnumerator<object?> GetEnumerator() => ((IEnumerable<object?>)Items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => Items.GetEnumerator();
}
