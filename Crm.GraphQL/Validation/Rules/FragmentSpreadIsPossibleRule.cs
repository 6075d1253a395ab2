using Crm.GraphQL.Language;
using Crm.GraphQL.Types;

namespace Crm.GraphQL.Validation.Rules;

/// <summary>Fragment Spread Is Possible: a fragment is only spread where its type can overlap the enclosing type.</summary>
public sealed class FragmentSpreadIsPossibleRule : IValidationRule
{
    /// <inheritdoc />
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        public override void EnterInlineFragment(InlineFragmentNode node)
        {
            if (context.Type?.NamedType() is { } fragmentType && fragmentType.IsCompositeType()
                && context.ParentType is { } parentType && !TypesOverlap(fragmentType, parentType))
            {
                context.ReportError(
                    $"Fragment cannot be spread here as objects of type \"{parentType.Name}\" can never be of type \"{fragmentType.Name}\".",
                    node);
            }
        }

        public override void EnterFragmentSpread(FragmentSpreadNode node)
        {
            if (context.GetFragment(node.Name.Value) is { } fragment
                && context.Schema.GetType(fragment.TypeCondition.Name.Value) is { } fragmentType && fragmentType.IsCompositeType()
                && context.ParentType is { } parentType && !TypesOverlap(fragmentType, parentType))
            {
                context.ReportError(
                    $"Fragment \"{node.Name.Value}\" cannot be spread here as objects of type \"{parentType.Name}\" can never be of type \"{fragmentType.Name}\".",
                    node);
            }
        }

        /// <summary>Whether some object type can be both <paramref name="a"/> and <paramref name="b"/>.</summary>
        private bool TypesOverlap(NamedType a, NamedType b)
        {
            if (ReferenceEquals(a, b))
            {
                return true;
            }
            var schema = context.Schema;
            if (a.IsAbstractType())
            {
                return b.IsAbstractType()
                    ? schema.GetPossibleTypes(a).Any(possible => schema.IsSubType(b, possible))
                    : schema.IsSubType(a, b);
            }
            return b.IsAbstractType() && schema.IsSubType(b, a);
        }
    }
}
