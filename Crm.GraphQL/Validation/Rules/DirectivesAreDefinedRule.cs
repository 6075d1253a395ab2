using Crm.GraphQL.Language;

namespace Crm.GraphQL.Validation.Rules;

/// <summary>Directives Are Defined: every directive used is defined by the schema.</summary>
public sealed class DirectivesAreDefinedRule : IValidationRule
{
    /// <inheritdoc />
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        public override void EnterDirective(DirectiveNode node)
        {
            if (context.Directive is null)
            {
                context.ReportError($"Unknown directive \"@{node.Name.Value}\".", node);
            }
        }
    }
}
