using Crm.GraphQL.Language;

namespace Crm.GraphQL.Validation.Rules;

/// <summary>Argument Names: every argument is defined by its field or directive.</summary>
public sealed class ArgumentNamesRule : IValidationRule
{
    /// <inheritdoc />
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        private bool _inDirective;

        public override void EnterDirective(DirectiveNode node) => _inDirective = true;

        public override void LeaveDirective(DirectiveNode node) => _inDirective = false;

        public override void EnterArgument(ArgumentNode node)
        {
            if (context.Argument is not null)
            {
                return;
            }
            var name = node.Name.Value;
            if (_inDirective)
            {
                if (context.Directive is { } directive)
                {
                    var suggestions = Suggestions.Rank(name, directive.Arguments.Select(a => a.Name));
                    context.ReportError($"Unknown argument \"{name}\" on directive \"@{directive.Name}\"." + Suggestions.DidYouMean(suggestions), node);
                }
            }
            else if (context.FieldDefinition is { } field && context.ParentType is { } parentType)
            {
                var suggestions = Suggestions.Rank(name, field.Arguments.Select(a => a.Name));
                context.ReportError(
                    $"Unknown argument \"{name}\" on field \"{parentType.Name}.{field.Name}\"." + Suggestions.DidYouMean(suggestions), node);
            }
        }
    }
}
