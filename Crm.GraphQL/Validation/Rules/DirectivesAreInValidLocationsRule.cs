using Crm.GraphQL.Language;
using Crm.GraphQL.Types;

namespace Crm.GraphQL.Validation.Rules;

/// <summary>Directives Are In Valid Locations: every directive is used where its definition allows.</summary>
public sealed class DirectivesAreInValidLocationsRule : IValidationRule
{
    /// <inheritdoc />
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        public override void EnterDirective(DirectiveNode node)
        {
            if (context.Directive is { } directive && context.DirectiveLocation is { } location && !directive.Locations.Contains(location))
            {
                context.ReportError($"Directive \"@{node.Name.Value}\" may not be used on {location.ToSdlName()}.", node);
            }
        }
    }
}
