using Crm.GraphQL.Language;
using Crm.GraphQL.Types;

namespace Crm.GraphQL.Validation.Rules;

/// <summary>Fragments On Composite Types: type conditions name object, interface or union types.</summary>
public sealed class FragmentsOnCompositeTypesRule : IValidationRule
{
    /// <inheritdoc />
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        public override void EnterInlineFragment(InlineFragmentNode node)
        {
            if (node.TypeCondition is { } condition && IsNonComposite(condition))
            {
                context.ReportError($"Fragment cannot condition on non composite type \"{condition.Name.Value}\".", condition);
            }
        }

        public override void EnterFragmentDefinition(FragmentDefinitionNode node)
        {
            if (IsNonComposite(node.TypeCondition))
            {
                context.ReportError(
                    $"Fragment \"{node.Name.Value}\" cannot condition on non composite type \"{node.TypeCondition.Name.Value}\".",
                    node.TypeCondition);
            }
        }

        // Unknown types are Fragment Spread Type Existence's to report.
        private bool IsNonComposite(NamedTypeNode condition) =>
            context.Schema.GetType(condition.Name.Value) is { } type && !type.IsCompositeType();
    }
}
