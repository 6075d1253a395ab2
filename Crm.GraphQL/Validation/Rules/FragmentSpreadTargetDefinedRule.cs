using Crm.GraphQL.Language;

namespace Crm.GraphQL.Validation.Rules;

/// <summary>Fragment Spread Target Defined: every spread names a fragment of the document.</summary>
public sealed class FragmentSpreadTargetDefinedRule : IValidationRule
{
    /// <inheritdoc />
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        public override void EnterFragmentSpread(FragmentSpreadNode node)
        {
            if (context.GetFragment(node.Name.Value) is null)
            {
                context.ReportError($"Unknown fragment \"{node.Name.Value}\".", node.Name);
            }
        }
    }
}
