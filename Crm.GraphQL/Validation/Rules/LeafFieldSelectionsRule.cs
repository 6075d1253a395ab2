using Crm.GraphQL.Language;
using Crm.GraphQL.Types;

namespace Crm.GraphQL.Validation.Rules;

/// <summary>Leaf Field Selections: scalar and enum fields have no selection set, all other fields have one.</summary>
public sealed class LeafFieldSelectionsRule : IValidationRule
{
    /// <inheritdoc />
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        public override void EnterField(FieldNode node)
        {
            if (context.Type is not { } type)
            {
                return;
            }
            var named = type.NamedType();
            if (named.IsLeafType())
            {
                if (node.SelectionSet is { } selectionSet)
                {
                    context.ReportError(
                        $"Field \"{node.Name.Value}\" must not have a selection since type \"{type}\" has no subfields.", selectionSet);
                }
            }
            else if (node.SelectionSet is null)
            {
                context.ReportError(
                    $"Field \"{node.Name.Value}\" of type \"{type}\" must have a selection of subfields. Did you mean \"{node.Name.Value} {{ ... }}\"?",
                    node);
            }
        }
    }
}
