using Crm.GraphQL.Language;
using Crm.GraphQL.Types;

namespace Crm.GraphQL.Validation;

public sealed partial class ValidationContext
{
    private readonly List<OperationDefinitionNode> _operations = [];
    private readonly List<FragmentDefinitionNode> _fragmentList = [];
    private readonly Dictionary<string, FragmentDefinitionNode> _fragments = new(StringComparer.Ordinal);
    private readonly Dictionary<SelectionSetNode, List<FragmentSpreadNode>> _spreads = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<ExecutableDefinitionNode, List<VariableUsage>> _usages = new(ReferenceEqualityComparer.Instance);
    private List<VariableUsage>? _currentUsages;

    /// <summary>The operations of the document, in order.</summary>
    public IReadOnlyList<OperationDefinitionNode> Operations => _operations;

    /// <summary>The fragment definitions of the document, in order (duplicates included).</summary>
    public IReadOnlyList<FragmentDefinitionNode> FragmentDefinitions => _fragmentList;

    /// <summary>The fragment a spread with this name refers to, or <see langword="null"/>.</summary>
    public FragmentDefinitionNode? GetFragment(string name) => _fragments.GetValueOrDefault(name);

    /// <summary>
    /// The fragment spreads inside a selection set, at any depth of its fields and inline fragments
    /// but not inside the fragments they spread.
    /// </summary>
    public IReadOnlyList<FragmentSpreadNode> GetFragmentSpreads(SelectionSetNode selectionSet)
    {
        ArgumentNullException.ThrowIfNull(selectionSet);
        if (_spreads.TryGetValue(selectionSet, out var spreads))
        {
            return spreads;
        }
        spreads = [];
        var pending = new Stack<SelectionSetNode>();
        pending.Push(selectionSet);
        while (pending.TryPop(out var set))
        {
            foreach (var selection in set.Selections)
            {
                switch (selection)
                {
                    case FragmentSpreadNode spread:
                        spreads.Add(spread);
                        break;
                    case FieldNode { SelectionSet: { } nested }:
                        pending.Push(nested);
                        break;
                    case InlineFragmentNode inline:
                        pending.Push(inline.SelectionSet);
                        break;
                    default:
                        break;
                }
            }
        }
        _spreads[selectionSet] = spreads;
        return spreads;
    }

    /// <summary>Every defined fragment an operation uses, directly or through other fragments, each once.</summary>
    public IReadOnlyList<FragmentDefinitionNode> GetRecursivelyReferencedFragments(OperationDefinitionNode operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var fragments = new List<FragmentDefinitionNode>();
        var collected = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<SelectionSetNode>();
        pending.Push(operation.SelectionSet);
        while (pending.TryPop(out var set))
        {
            foreach (var spread in GetFragmentSpreads(set))
            {
                if (collected.Add(spread.Name.Value) && GetFragment(spread.Name.Value) is { } fragment)
                {
                    fragments.Add(fragment);
                    pending.Push(fragment.SelectionSet);
                }
            }
        }
        return fragments;
    }

    /// <summary>
    /// The variables used inside an operation or fragment (not in variable definitions), with the
    /// types expected where they are used. Complete once the walk has left the definition.
    /// </summary>
    public IReadOnlyList<VariableUsage> GetVariableUsages(ExecutableDefinitionNode definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return _usages.TryGetValue(definition, out var usages) ? usages : [];
    }

    /// <summary>
    /// The variable usages of an operation and of every fragment it uses. Complete in
    /// <see cref="ValidationVisitor.LeaveDocument"/>.
    /// </summary>
    public IReadOnlyList<VariableUsage> GetRecursiveVariableUsages(OperationDefinitionNode operation)
    {
        var usages = new List<VariableUsage>(GetVariableUsages(operation));
        foreach (var fragment in GetRecursivelyReferencedFragments(operation))
        {
            usages.AddRange(GetVariableUsages(fragment));
        }
        return usages;
    }

    internal void BeginDefinition(ExecutableDefinitionNode definition)
    {
        if (!_usages.TryGetValue(definition, out _currentUsages))
        {
            _usages[definition] = _currentUsages = [];
        }
    }

    internal void EndDefinition() => _currentUsages = null;

    /// <summary>Records a variable used as a value; uses inside variable definitions are not usages.</summary>
    internal void RecordVariableUsage(VariableNode node, bool inVariableDefinition)
    {
        if (_currentUsages is null || inVariableDefinition)
        {
            return;
        }
        var parent = _inputs.Count > 1 && _inputs[^1].Kind == InputKind.ObjectField
            ? _inputs[^2].Type?.NamedType() as InputObjectType
            : null;
        _currentUsages.Add(new VariableUsage(node, InputType, InputValueDefinition?.HasDefaultValue == true, parent));
    }
}
