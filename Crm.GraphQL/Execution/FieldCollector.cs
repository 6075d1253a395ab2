using Crm.GraphQL.Language;
using Crm.GraphQL.Types;

namespace Crm.GraphQL.Execution;

/// <summary>CollectFields of the specification: merges selections by response key, honouring <c>@skip</c>, <c>@include</c> and fragment type conditions.</summary>
internal static class FieldCollector
{
    public static SelectionSetPlan Collect(OperationPlan operation, ObjectType type, IReadOnlyList<SelectionSetNode> selectionSets, IReadOnlyDictionary<string, object?> variables)
    {
        var order = new List<string>();
        var groups = new Dictionary<string, List<FieldNode>>(StringComparer.Ordinal);
        HashSet<string>? visitedFragments = null;
        var schema = operation.Schema;
        var fragments = operation.Document.Fragments;

        void CollectInto(SelectionSetNode set)
        {
            foreach (var selection in set.Selections)
            {
                if (!ShouldInclude(selection.Directives, variables))
                {
                    continue;
                }
                switch (selection)
                {
                    case FieldNode field:
                    {
                        var key = field.ResponseName;
                        if (!groups.TryGetValue(key, out var list))
                        {
                            groups[key] = list = new List<FieldNode>(1);
                            order.Add(key);
                        }
                        list.Add(field);
                        break;
                    }
                    case FragmentSpreadNode spread:
                    {
                        visitedFragments ??= new HashSet<string>(StringComparer.Ordinal);
                        if (!visitedFragments.Add(spread.Name.Value)
                            || !fragments.TryGetValue(spread.Name.Value, out var fragment)
                            || !DoesTypeApply(schema, type, fragment.TypeCondition))
                        {
                            break;
                        }
                        CollectInto(fragment.SelectionSet);
                        break;
                    }
                    case InlineFragmentNode inline:
                        if (inline.TypeCondition is null || DoesTypeApply(schema, type, inline.TypeCondition))
                        {
                            CollectInto(inline.SelectionSet);
                        }
                        break;
                }
            }
        }

        foreach (var set in selectionSets)
        {
            CollectInto(set);
        }
        var plans = new List<FieldPlan>(order.Count);
        foreach (var key in order)
        {
            var nodes = groups[key];
            var definition = schema.GetFieldDefinition(type, nodes[0].Name.Value);
            if (definition is not null)
            {
                plans.Add(new FieldPlan(operation, type, key, definition, [.. nodes]));
            }
        }
        return new SelectionSetPlan(type, [.. plans]);
    }

    public static bool ShouldInclude(IReadOnlyList<DirectiveNode> directives, IReadOnlyDictionary<string, object?>? variables)
    {
        foreach (var directive in directives)
        {
            var name = directive.Name.Value;
            if (name is not ("skip" or "include"))
            {
                continue;
            }
            var condition = false;
            foreach (var argument in directive.Arguments)
            {
                if (argument.Name.Value != "if")
                {
                    continue;
                }
                condition = argument.Value switch
                {
                    BooleanValueNode literal => literal.Value,
                    VariableNode variable => variables is not null && variables.TryGetValue(variable.Name.Value, out var value) && value is true,
                    _ => false,
                };
            }
            if (name == "skip" ? condition : !condition)
            {
                return false;
            }
        }
        return true;
    }

    private static bool DoesTypeApply(Schema schema, ObjectType type, NamedTypeNode condition)
    {
        var conditionType = schema.GetType(condition.Name.Value);
        return ReferenceEquals(conditionType, type)
            || (conditionType is not null && conditionType.IsAbstractType() && schema.IsPossibleType(conditionType, type));
    }
}

/// <summary>The static nesting depth of an operation, following fragments.</summary>
internal static class DepthCalculator
{
    public static int Depth(SelectionSetNode root, Dictionary<string, FragmentDefinitionNode> fragments)
    {
        var memo = new Dictionary<string, int>(StringComparer.Ordinal);
        var visiting = new HashSet<string>(StringComparer.Ordinal);

        int Measure(SelectionSetNode set)
        {
            var max = 0;
            foreach (var selection in set.Selections)
            {
                var depth = selection switch
                {
                    FieldNode field => 1 + (field.SelectionSet is { } child ? Measure(child) : 0),
                    InlineFragmentNode inline => Measure(inline.SelectionSet),
                    FragmentSpreadNode spread => Fragment(spread.Name.Value),
                    _ => 0,
                };
                max = Math.Max(max, depth);
            }
            return max;
        }

        int Fragment(string name)
        {
            if (memo.TryGetValue(name, out var known))
            {
                return known;
            }
            if (!fragments.TryGetValue(name, out var fragment) || !visiting.Add(name))
            {
                return 0;
            }
            var depth = Measure(fragment.SelectionSet);
            visiting.Remove(name);
            memo[name] = depth;
            return depth;
        }

        return Measure(root);
    }
}
