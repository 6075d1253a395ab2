using Crm.GraphQL.Language;
using Crm.GraphQL.Types;

namespace Crm.GraphQL.Validation.Rules;

/// <summary>Required Arguments: arguments of non-null type without a default value are given.</summary>
public sealed class RequiredArgumentsRule : IValidationRule
{
    /// <inheritdoc />
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        public override void LeaveField(FieldNode node)
        {
            if (context.FieldDefinition is not { } field)
            {
                return;
            }
            foreach (var argument in Missing(field.Arguments, node.Arguments))
            {
                context.ReportError(
                    $"Field \"{field.Name}\" argument \"{argument.Name}\" of type \"{argument.Type}\" is required, but it was not provided.", node);
            }
        }

        public override void LeaveDirective(DirectiveNode node)
        {
            if (context.Directive is not { } directive)
            {
                return;
            }
            foreach (var argument in Missing(directive.Arguments, node.Arguments))
            {
                context.ReportError(
                    $"Directive \"@{directive.Name}\" argument \"{argument.Name}\" of type \"{argument.Type}\" is required, but it was not provided.", node);
            }
        }

        private static IEnumerable<ArgumentDefinition> Missing(DefinitionCollection<ArgumentDefinition> definitions, IReadOnlyList<ArgumentNode> given) =>
            definitions.Where(d => d.Type is NonNullType && !d.HasDefaultValue && !given.Any(a => a.Name.Value == d.Name));
    }
}
