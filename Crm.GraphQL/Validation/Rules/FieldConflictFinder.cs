using System.Runtime.CompilerServices;
using Crm.GraphQL.Language;
using Crm.GraphQL.Types;

namespace Crm.GraphQL.Validation.Rules;

/// <summary>
/// Finds fields that cannot be merged (the specification's FieldsInSetCanMerge). Every selection
/// set is reduced once to its fields by response name plus the fragments it spreads; comparisons
/// of two field maps and of two selection sets are memoized, and a fragment is never compared with
/// itself, which keeps the work polynomial however often fragments are spread.
/// </summary>
internal sealed class FieldConflictFinder(ValidationContext context)
{
    private readonly Schema _schema = context.Schema;
    private readonly Dictionary<SelectionSetNode, FieldMap> _maps = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<SelectionSetNode, List<SelectionSetNode>> _closures = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<PairKey, Conflict[]> _mapPairs = new(PairKey.Comparer);
    private readonly Dictionary<PairKey, Conflict[]> _setPairs = new(PairKey.Comparer);
    private readonly HashSet<PairKey> _reported = new(PairKey.Comparer);

    /// <summary>Reports the conflicts of one selection set of the document (each pair of fields once per document).</summary>
    public void ReportConflicts(SelectionSetNode selectionSet, NamedType? parentType)
    {
        foreach (var conflict in FindConflicts(selectionSet, parentType))
        {
            var first = conflict.Fields1[0];
            var second = conflict.Fields2[0];
            if (_reported.Add(new PairKey(first, second, false)) && _reported.Add(new PairKey(second, first, false)))
            {
                context.ReportError(
                    $"Fields \"{conflict.ResponseName}\" conflict because {conflict.Describe()}. Use different aliases on the fields to fetch both if this was intentional.",
                    [.. conflict.Fields1, .. conflict.Fields2]);
            }
        }
    }

    private List<Conflict> FindConflicts(SelectionSetNode selectionSet, NamedType? parentType)
    {
        var map = MapOf(selectionSet, parentType);
        var conflicts = new List<Conflict>();
        foreach (var entries in map.Fields.Values)
        {
            for (var i = 0; i < entries.Count; i++)
            {
                for (var j = i + 1; j < entries.Count; j++)
                {
                    if (FindConflict(false, entries[i], entries[j]) is { } conflict)
                    {
                        conflicts.Add(conflict);
                    }
                }
            }
        }
        foreach (var fragment in ClosureOf(selectionSet))
        {
            conflicts.AddRange(BetweenMaps(selectionSet, fragment, false));
        }
        var direct = DirectFragments(map, selectionSet);
        for (var i = 0; i < direct.Count; i++)
        {
            for (var j = i + 1; j < direct.Count; j++)
            {
                foreach (var a in WithClosure(direct[i]))
                {
                    foreach (var b in WithClosure(direct[j]))
                    {
                        if (!ReferenceEquals(a, b))
                        {
                            conflicts.AddRange(BetweenMaps(a, b, false));
                        }
                    }
                }
            }
        }
        return conflicts;
    }

    /// <summary>Conflicts between the fields two selection sets contribute when merged (each set's own conflicts excluded).</summary>
    private Conflict[] BetweenSets(bool mutuallyExclusive, SelectionSetNode set1, NamedType? parent1, SelectionSetNode set2, NamedType? parent2)
    {
        var key = new PairKey(set1, set2, mutuallyExclusive);
        if (_setPairs.TryGetValue(key, out var known))
        {
            return known;
        }
        // Marked before the search so that a cycle through fragments ends instead of recursing forever.
        _setPairs[key] = [];
        MapOf(set1, parent1);
        MapOf(set2, parent2);
        var conflicts = new List<Conflict>(BetweenMaps(set1, set2, mutuallyExclusive));
        var closure1 = ClosureOf(set1);
        var closure2 = ClosureOf(set2);
        foreach (var fragment in closure2)
        {
            conflicts.AddRange(BetweenMaps(set1, fragment, mutuallyExclusive));
        }
        foreach (var fragment in closure1)
        {
            conflicts.AddRange(BetweenMaps(set2, fragment, mutuallyExclusive));
        }
        foreach (var a in closure1)
        {
            foreach (var b in closure2)
            {
                if (!ReferenceEquals(a, b))
                {
                    conflicts.AddRange(BetweenMaps(a, b, mutuallyExclusive));
                }
            }
        }
        return _setPairs[key] = [.. conflicts];
    }

    /// <summary>Conflicts between the fields of one map and the fields of another with the same response names.</summary>
    private Conflict[] BetweenMaps(SelectionSetNode set1, SelectionSetNode set2, bool mutuallyExclusive)
    {
        if (ReferenceEquals(set1, set2))
        {
            return [];
        }
        var key = new PairKey(set1, set2, mutuallyExclusive);
        if (_mapPairs.TryGetValue(key, out var known))
        {
            return known;
        }
        _mapPairs[key] = [];
        var map2 = _maps[set2];
        List<Conflict>? conflicts = null;
        foreach (var (responseName, entries1) in _maps[set1].Fields)
        {
            if (!map2.Fields.TryGetValue(responseName, out var entries2))
            {
                continue;
            }
            foreach (var entry1 in entries1)
            {
                foreach (var entry2 in entries2)
                {
                    if (FindConflict(mutuallyExclusive, entry1, entry2) is { } conflict)
                    {
                        (conflicts ??= []).Add(conflict);
                    }
                }
            }
        }
        return _mapPairs[key] = conflicts is null ? [] : [.. conflicts];
    }

    private Conflict? FindConflict(bool parentsMutuallyExclusive, FieldEntry entry1, FieldEntry entry2)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        var node1 = entry1.Node;
        var node2 = entry2.Node;
        // Fields of two different object types are never selected on the same object: only their shapes must agree.
        var mutuallyExclusive = parentsMutuallyExclusive
            || (!ReferenceEquals(entry1.ParentType, entry2.ParentType) && entry1.ParentType is ObjectType && entry2.ParentType is ObjectType);
        if (!mutuallyExclusive)
        {
            if (node1.Name.Value != node2.Name.Value)
            {
                return new Conflict(node1.ResponseName, $"\"{node1.Name.Value}\" and \"{node2.Name.Value}\" are different fields", null, [node1], [node2]);
            }
            if (!SameArguments(node1.Arguments, node2.Arguments))
            {
                return new Conflict(node1.ResponseName, "they have differing arguments", null, [node1], [node2]);
            }
        }
        var type1 = entry1.Definition?.Type;
        var type2 = entry2.Definition?.Type;
        if (type1 is not null && type2 is not null && TypesConflict(type1, type2))
        {
            return new Conflict(node1.ResponseName, $"they return conflicting types \"{type1}\" and \"{type2}\"", null, [node1], [node2]);
        }
        if (node1.SelectionSet is { } set1 && node2.SelectionSet is { } set2)
        {
            var subConflicts = BetweenSets(mutuallyExclusive, set1, type1?.NamedType(), set2, type2?.NamedType());
            if (subConflicts.Length > 0)
            {
                return new Conflict(
                    node1.ResponseName,
                    null,
                    subConflicts,
                    [node1, .. subConflicts.SelectMany(c => c.Fields1)],
                    [node2, .. subConflicts.SelectMany(c => c.Fields2)]);
            }
        }
        return null;
    }

    /// <summary>Whether two fields' response shapes differ: list and non-null wrappers must match, and leaf types must be equal.</summary>
    private static bool TypesConflict(GraphQLType type1, GraphQLType type2)
    {
        while (true)
        {
            switch (type1, type2)
            {
                case (ListType list1, ListType list2):
                    type1 = list1.OfType;
                    type2 = list2.OfType;
                    continue;
                case (ListType, _) or (_, ListType):
                    return true;
                case (NonNullType nonNull1, NonNullType nonNull2):
                    type1 = nonNull1.OfType;
                    type2 = nonNull2.OfType;
                    continue;
                case (NonNullType, _) or (_, NonNullType):
                    return true;
                default:
                    return (type1.IsLeafType() || type2.IsLeafType()) && !ReferenceEquals(type1, type2);
            }
        }
    }

    /// <summary>Same arguments in any order, values compared with object fields in any order.</summary>
    private static bool SameArguments(IReadOnlyList<ArgumentNode> arguments1, IReadOnlyList<ArgumentNode> arguments2)
    {
        if (arguments1.Count != arguments2.Count)
        {
            return false;
        }
        foreach (var argument1 in arguments1)
        {
            var argument2 = arguments2.FirstOrDefault(a => a.Name.Value == argument1.Name.Value);
            if (argument2 is null || !SameValue(argument1.Value, argument2.Value))
            {
                return false;
            }
        }
        return true;
    }

    private static bool SameValue(ValueNode value1, ValueNode value2)
    {
        switch (value1, value2)
        {
            case (ListValueNode list1, ListValueNode list2):
                if (list1.Values.Count != list2.Values.Count)
                {
                    return false;
                }
                for (var i = 0; i < list1.Values.Count; i++)
                {
                    if (!SameValue(list1.Values[i], list2.Values[i]))
                    {
                        return false;
                    }
                }
                return true;
            case (ObjectValueNode object1, ObjectValueNode object2):
                if (object1.Fields.Count != object2.Fields.Count)
                {
                    return false;
                }
                var fields1 = object1.Fields.OrderBy(f => f.Name.Value, StringComparer.Ordinal).ToList();
                var fields2 = object2.Fields.OrderBy(f => f.Name.Value, StringComparer.Ordinal).ToList();
                for (var i = 0; i < fields1.Count; i++)
                {
                    if (fields1[i].Name.Value != fields2[i].Name.Value || !SameValue(fields1[i].Value, fields2[i].Value))
                    {
                        return false;
                    }
                }
                return true;
            default:
                return value1.Equals(value2);
        }
    }

    /// <summary>The fields of a selection set by response name (inline fragments flattened) and the fragments it spreads.</summary>
    private FieldMap MapOf(SelectionSetNode selectionSet, NamedType? parentType)
    {
        if (!_maps.TryGetValue(selectionSet, out var map))
        {
            map = new FieldMap();
            Collect(map, selectionSet, parentType);
            _maps[selectionSet] = map;
        }
        return map;
    }

    private void Collect(FieldMap map, SelectionSetNode selectionSet, NamedType? parentType)
    {
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case FieldNode field:
                    // Meta-fields have no definition here: like unknown fields, they are compared by name and arguments only.
                    var definition = parentType is ComplexType complex ? complex.Fields[field.Name.Value] : null;
                    if (!map.Fields.TryGetValue(field.ResponseName, out var entries))
                    {
                        map.Fields[field.ResponseName] = entries = [];
                    }
                    entries.Add(new FieldEntry(parentType, field, definition));
                    break;
                case FragmentSpreadNode spread:
                    if (!map.FragmentNames.Contains(spread.Name.Value))
                    {
                        map.FragmentNames.Add(spread.Name.Value);
                    }
                    break;
                case InlineFragmentNode inline:
                    var type = inline.TypeCondition is { } condition ? _schema.GetType(condition.Name.Value) : parentType;
                    Collect(map, inline.SelectionSet, type);
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>The selection sets of the fragments a set spreads at its own level, directly or through those fragments (itself excluded).</summary>
    private List<SelectionSetNode> ClosureOf(SelectionSetNode selectionSet)
    {
        if (_closures.TryGetValue(selectionSet, out var closure))
        {
            return closure;
        }
        closure = [];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<string>(_maps[selectionSet].FragmentNames);
        while (pending.TryDequeue(out var name))
        {
            if (!seen.Add(name) || FragmentSet(name) is not { } fragmentSet || ReferenceEquals(fragmentSet, selectionSet))
            {
                continue;
            }
            closure.Add(fragmentSet);
            foreach (var next in _maps[fragmentSet].FragmentNames)
            {
                pending.Enqueue(next);
            }
        }
        _closures[selectionSet] = closure;
        return closure;
    }

    private List<SelectionSetNode> DirectFragments(FieldMap map, SelectionSetNode owner)
    {
        var direct = new List<SelectionSetNode>();
        foreach (var name in map.FragmentNames)
        {
            if (FragmentSet(name) is { } fragmentSet && !ReferenceEquals(fragmentSet, owner))
            {
                direct.Add(fragmentSet);
            }
        }
        return direct;
    }

    private IEnumerable<SelectionSetNode> WithClosure(SelectionSetNode fragmentSet) => [fragmentSet, .. ClosureOf(fragmentSet)];

    /// <summary>The selection set of a defined fragment, its field map prepared with the type condition as parent.</summary>
    private SelectionSetNode? FragmentSet(string name)
    {
        if (context.GetFragment(name) is not { } fragment)
        {
            return null;
        }
        MapOf(fragment.SelectionSet, _schema.GetType(fragment.TypeCondition.Name.Value));
        return fragment.SelectionSet;
    }

    private sealed class FieldMap
    {
        public Dictionary<string, List<FieldEntry>> Fields { get; } = new(StringComparer.Ordinal);

        public List<string> FragmentNames { get; } = [];
    }

    private readonly record struct FieldEntry(NamedType? ParentType, FieldNode Node, FieldDefinition? Definition);

    /// <summary>Two fields that cannot merge: a reason, or the conflicts between their sub-selections.</summary>
    private sealed record Conflict(string ResponseName, string? Reason, Conflict[]? SubConflicts, FieldNode[] Fields1, FieldNode[] Fields2)
    {
        public string Describe() => Reason ?? string.Join(
            " and ",
            SubConflicts!.Select(c => $"subfields \"{c.ResponseName}\" conflict because {c.Describe()}"));
    }

    /// <summary>A pair of nodes compared by identity (syntax nodes themselves compare by structure).</summary>
    private readonly struct PairKey(object first, object second, bool flag)
    {
        public static readonly IEqualityComparer<PairKey> Comparer = new IdentityComparer();

        private readonly object _first = first;
        private readonly object _second = second;
        private readonly bool _flag = flag;

        private sealed class IdentityComparer : IEqualityComparer<PairKey>
        {
            public bool Equals(PairKey x, PairKey y) =>
                ReferenceEquals(x._first, y._first) && ReferenceEquals(x._second, y._second) && x._flag == y._flag;

            public int GetHashCode(PairKey obj) =>
                HashCode.Combine(RuntimeHelpers.GetHashCode(obj._first), RuntimeHelpers.GetHashCode(obj._second), obj._flag);
        }
    }
}
