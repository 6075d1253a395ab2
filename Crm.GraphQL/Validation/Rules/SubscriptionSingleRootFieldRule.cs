using System.Runtime.CompilerServices;
using Crm.GraphQL.Language;
using Crm.GraphQL.Types;

namespace Crm.GraphQL.Validation.Rules;

/// <summary>
/// Subscription Single Root Field: a subscription selects exactly one root field, not an
/// introspection field, and its root selections carry no <c>@skip</c> or <c>@include</c>
/// (whether they apply is unknown until variables are given).
/// </summary>
public sealed class SubscriptionSingleRootFieldRule : IValidationRule
{
    /// <inheritdoc />
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        public override void EnterOperation(OperationDefinitionNode node)
        {
            if (node.Operation != OperationType.Subscription || context.Schema.SubscriptionType is not { } root)
            {
                return;
            }
            var subject = node.Name is { } name ? $"Subscription \"{name.Value}\"" : "Anonymous Subscription";
            var fields = new List<(string ResponseName, List<FieldNode> Nodes)>();
            var conditional = new List<SyntaxNode?>();
            Collect(root, node.SelectionSet, fields, conditional, new HashSet<string>(StringComparer.Ordinal));

            if (conditional.Count > 0)
            {
                context.ReportError($"{subject} must not use `@skip` or `@include` directives in the top level selection.", [.. conditional]);
                return;
            }
            if (fields.Count > 1)
            {
                context.ReportError($"{subject} must select only one top level field.", [.. fields.Skip(1).SelectMany(f => f.Nodes)]);
            }
            foreach (var (_, nodes) in fields)
            {
                if (nodes[0].Name.Value.StartsWith("__", StringComparison.Ordinal))
                {
                    context.ReportError($"{subject} must not select an introspection top level field.", [.. nodes]);
                }
            }
        }

        /// <summary>The specification's CollectSubscriptionFields: root fields grouped by response name, fragments included.</summary>
        private void Collect(
            ObjectType root,
            SelectionSetNode selectionSet,
            List<(string ResponseName, List<FieldNode> Nodes)> fields,
            List<SyntaxNode?> conditional,
            HashSet<string> visitedFragments)
        {
            RuntimeHelpers.EnsureSufficientExecutionStack();
            foreach (var selection in selectionSet.Selections)
            {
                conditional.AddRange(selection.Directives.Where(d => d.Name.Value is "skip" or "include"));
                switch (selection)
                {
                    case FieldNode field:
                        var index = fields.FindIndex(f => f.ResponseName == field.ResponseName);
                        if (index < 0)
                        {
                            fields.Add((field.ResponseName, [field]));
                        }
                        else
                        {
                            fields[index].Nodes.Add(field);
                        }
                        break;
                    case InlineFragmentNode inline when inline.TypeCondition is null || Applies(root, inline.TypeCondition):
                        Collect(root, inline.SelectionSet, fields, conditional, visitedFragments);
                        break;
                    case FragmentSpreadNode spread when visitedFragments.Add(spread.Name.Value)
                        && context.GetFragment(spread.Name.Value) is { } fragment && Applies(root, fragment.TypeCondition):
                        Collect(root, fragment.SelectionSet, fields, conditional, visitedFragments);
                        break;
                    default:
                        break;
                }
            }
        }

        private bool Applies(ObjectType root, NamedTypeNode condition) => context.Schema.GetType(condition.Name.Value) switch
        {
            ObjectType type => ReferenceEquals(type, root),
            { } type when type.IsAbstractType() => context.Schema.IsPossibleType(type, root),
            _ => false,
        };
    }
}
