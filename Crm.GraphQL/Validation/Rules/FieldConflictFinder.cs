using System.Runtime.CompilerServices;
using Crm.GraphQL.Language;
using Crm.GraphQL.Types;

namespace Crm.GraphQL.Validation.Rules;

/// <summary>
/// Finds fields that cannot be merged (the specification's FieldsInSetCanMerge). Every selection
/// set is reduced once to its fields by response name plus the fragments it spreads. A pair of
/// fragments is compared once per document (a later encounter adds nothing: whatever conflict it
/// holds has been reported already) and a fragment is never compared with itself, which keeps the
/// work polynomial however often fragments are spread. Runs of identical fields are compared
/// once, and the conflicts collected below one pair of fields are capped.
/// </summary>
internal sealed class FieldConflictFinder(ValidationContext context)
{
    /// <summary>Beyond this many fields with one response name, structurally identical ones are compared only once.</summary>
    private const int DistinctThreshold = 16;

    /// <summary>The most conflicts collected between two selection sets; more would only lengthen one message.</summary>
    private const int MaxConflictsPerComparison = 100;

    // Shared and never modified: callers only read the lists they get.
    private static readonly List<Conflict> NoConflicts = [];
    private static readonly List<FieldMap> NoMaps = [];

    private readonly Schema _schema = context.Schema;
    private readonly Dictionary<SelectionSetNode, FieldMap> _maps = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<PairKey, bool> _comparedWithFragments = new(PairKey.Comparer);
    private readonly HashSet<PairKey> _reported = new(PairKey.Comparer);

    /// <summary>Reports the conflicts of one selection set of the document (each pair of fields once per document).</summary>
    public void ReportConflicts(SelectionSetNode selectionSet, NamedType? parentType)
    {
        foreach (var conflict in FindConflicts(MapOf(selectionSet, parentType)))
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

    /// <summary>Conflicts inside one selection set, produced as found so that an error limit can stop the search early.</summary>
    private IEnumerable<Conflict> FindConflicts(FieldMap map)
    {
        foreach (var name in map.Fields.Keys)
        {
            var entries = map.Distinct(name);
            for (var i = 0; i < entries.Count; i++)
            {
                for (var j = i + 1; j < entries.Count; j++)
                {
                    if (FindConflict(false, entries[i], entries[j]) is { } conflict)
                    {
                        yield return conflict;
                    }
                }
            }
        }
        foreach (var fragment in ClosureOf(map))
        {
            foreach (var conflict in BetweenMaps(map, fragment, false))
            {
                yield return conflict;
            }
        }
        var direct = DirectFragments(map);
        for (var i = 0; i < direct.Count; i++)
        {
            for (var j = i + 1; j < direct.Count; j++)
            {
                foreach (var a in WithClosure(direct[i]))
                {
                    foreach (var b in WithClosure(direct[j]))
                    {
                        foreach (var conflict in BetweenMaps(a, b, false))
                        {
                            yield return conflict;
                        }
                    }
                }
            }
        }
    }

    /// <summary>Conflicts between the fields two selection sets contribute when merged (each set's own conflicts excluded).</summary>
    private List<Conflict> BetweenSets(bool mutuallyExclusive, FieldMap map1, FieldMap map2)
    {
        var direct = BetweenMaps(map1, map2, mutuallyExclusive);
        var closure1 = ClosureOf(map1);
        var closure2 = ClosureOf(map2);
        if (closure1.Count == 0 && closure2.Count == 0)
        {
            // The common case, and the hot one when many fields share a response name.
            return direct;
        }
        var conflicts = new List<Conflict>();
        Add(direct);
        foreach (var fragment in closure2)
        {
            Add(BetweenMaps(map1, fragment, mutuallyExclusive));
        }
        // The second set's fields come first here, as in the reference implementation's messages.
        foreach (var fragment in closure1)
        {
            Add(BetweenMaps(map2, fragment, mutuallyExclusive));
        }
        foreach (var a in closure1)
        {
            foreach (var b in closure2)
            {
                Add(BetweenMaps(a, b, mutuallyExclusive));
            }
        }
        return conflicts;

        void Add(List<Conflict> found)
        {
            var room = MaxConflictsPerComparison - conflicts.Count;
            conflicts.AddRange(found.Count <= room ? found : found.Take(room));
        }
    }

    /// <summary>
    /// Conflicts between the fields of one map and the fields of another with the same response
    /// names. Two fragments are compared only once: pairs of fragments are what comes up again and
    /// again, exponentially often in hostile documents, and where comparisons could cycle. Any
    /// other comparison descends into the document's selection sets and so ends.
    /// </summary>
    private List<Conflict> BetweenMaps(FieldMap map1, FieldMap map2, bool mutuallyExclusive)
    {
        if (ReferenceEquals(map1, map2) || map1.Fields.Count == 0 || map2.Fields.Count == 0)
        {
            return NoConflicts;
        }
        if (map1.IsFragment && map2.IsFragment && !MarkCompared(map1, map2, mutuallyExclusive))
        {
            return NoConflicts;
        }
        List<Conflict>? conflicts = null;
        foreach (var responseName in map1.Fields.Keys)
        {
            if (!map2.Fields.ContainsKey(responseName))
            {
                continue;
            }
            foreach (var entry1 in map1.Distinct(responseName))
            {
                foreach (var entry2 in map2.Distinct(responseName))
                {
                    if (FindConflict(mutuallyExclusive, entry1, entry2) is { } conflict)
                    {
                        (conflicts ??= []).Add(conflict);
                        if (conflicts.Count == MaxConflictsPerComparison)
                        {
                            return conflicts;
                        }
                    }
                }
            }
        }
        return conflicts ?? NoConflicts;
    }

    /// <summary>
    /// Records that two maps are compared; false when they already were. A comparison of fields
    /// that may meet on one object covers a later one of fields that cannot (it checks more).
    /// </summary>
    private bool MarkCompared(FieldMap map1, FieldMap map2, bool mutuallyExclusive)
    {
        var key = new PairKey(map1, map2, false);
        if (_comparedWithFragments.TryGetValue(key, out var earlier) && (mutuallyExclusive || !earlier))
        {
            return false;
        }
        _comparedWithFragments[key] = mutuallyExclusive;
        _comparedWithFragments[new PairKey(map2, map1, false)] = mutuallyExclusive;
        return true;
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
        if (SubMapOf(entry1) is { } sub1 && SubMapOf(entry2) is { } sub2)
        {
            var subConflicts = BetweenSets(mutuallyExclusive, sub1, sub2);
            if (subConflicts.Count > 0)
            {
                return new Conflict(
                    node1.ResponseName,
                    null,
                    [.. subConflicts],
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
            map = new FieldMap(isFragment: false);
            Collect(map, selectionSet, parentType);
            _maps[selectionSet] = map;
        }
        return map;
    }

    private FieldMap? SubMapOf(FieldEntry entry)
    {
        if (entry.SubMap is null && entry.Node.SelectionSet is { } selectionSet)
        {
            entry.SubMap = MapOf(selectionSet, entry.Definition?.Type.NamedType());
        }
        return entry.SubMap;
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

    /// <summary>The maps of the fragments a set spreads at its own level, directly or through those fragments (itself excluded).</summary>
    private List<FieldMap> ClosureOf(FieldMap map)
    {
        if (map.Closure is { } known)
        {
            return known;
        }
        if (map.FragmentNames.Count == 0)
        {
            return map.Closure = NoMaps;
        }
        var closure = new List<FieldMap>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<string>(map.FragmentNames);
        while (pending.TryDequeue(out var name))
        {
            if (!seen.Add(name) || FragmentMap(name) is not { } fragment || ReferenceEquals(fragment, map))
            {
                continue;
            }
            closure.Add(fragment);
            foreach (var next in fragment.FragmentNames)
            {
                pending.Enqueue(next);
            }
        }
        return map.Closure = closure;
    }

    private List<FieldMap> DirectFragments(FieldMap map)
    {
        var direct = new List<FieldMap>();
        foreach (var name in map.FragmentNames)
        {
            if (FragmentMap(name) is { } fragment && !ReferenceEquals(fragment, map))
            {
                direct.Add(fragment);
            }
        }
        return direct;
    }

    private List<FieldMap> WithClosure(FieldMap fragment) => [fragment, .. ClosureOf(fragment)];

    /// <summary>The field map of a defined fragment, with its type condition as parent type.</summary>
    private FieldMap? FragmentMap(string name)
    {
        if (context.GetFragment(name) is not { } fragment)
        {
            return null;
        }
        if (!_maps.TryGetValue(fragment.SelectionSet, out var map))
        {
            map = new FieldMap(isFragment: true);
            Collect(map, fragment.SelectionSet, _schema.GetType(fragment.TypeCondition.Name.Value));
            _maps[fragment.SelectionSet] = map;
        }
        return map;
    }

    private sealed class FieldMap(bool isFragment)
    {
        private Dictionary<string, List<FieldEntry>>? _distinct;

        /// <summary>Whether this is the selection set of a fragment definition.</summary>
        public bool IsFragment { get; } = isFragment;

        public Dictionary<string, List<FieldEntry>> Fields { get; } = new(StringComparer.Ordinal);

        public List<string> FragmentNames { get; } = [];

        public List<FieldMap>? Closure { get; set; }

        /// <summary>
        /// The fields with a response name; when there are many, one of each group of identical
        /// fields (same parent type, same syntax). Identical fields always merge, and each
        /// compares with any other field as the first of them does.
        /// </summary>
        public List<FieldEntry> Distinct(string responseName)
        {
            var entries = Fields[responseName];
            if (entries.Count <= DistinctThreshold)
            {
                return entries;
            }
            _distinct ??= new Dictionary<string, List<FieldEntry>>(StringComparer.Ordinal);
            if (!_distinct.TryGetValue(responseName, out var distinct))
            {
                var seen = new HashSet<FieldEntry>(FieldEntry.StructuralComparer);
                distinct = entries.Where(seen.Add).ToList();
                _distinct[responseName] = distinct;
            }
            return distinct;
        }
    }

    private sealed class FieldEntry(NamedType? parentType, FieldNode node, FieldDefinition? definition)
    {
        public static readonly IEqualityComparer<FieldEntry> StructuralComparer = new Structural();

        public NamedType? ParentType { get; } = parentType;

        public FieldNode Node { get; } = node;

        public FieldDefinition? Definition { get; } = definition;

        /// <summary>The map of the field's selection set, once needed.</summary>
        public FieldMap? SubMap { get; set; }

        private sealed class Structural : IEqualityComparer<FieldEntry>
        {
            public bool Equals(FieldEntry? x, FieldEntry? y) =>
                ReferenceEquals(x, y) || (x is not null && y is not null && ReferenceEquals(x.ParentType, y.ParentType) && x.Node.Equals(y.Node));

            public int GetHashCode(FieldEntry obj) => HashCode.Combine(obj.ParentType is null ? 0 : RuntimeHelpers.GetHashCode(obj.ParentType), obj.Node);
        }
    }

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
