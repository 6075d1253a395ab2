using Crm.GraphQL.Language;

namespace Crm.GraphQL.Validation.Rules;

/// <summary>Argument Uniqueness: a field or directive receives each argument once.</summary>
public sealed class ArgumentUniquenessRule : IValidationRule
{
    /// <inheritdoc />
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        public override void EnterField(FieldNode node) => Check(node.Arguments);

        public override void EnterDirective(DirectiveNode node) => Check(node.Arguments);

        private void Check(IReadOnlyList<ArgumentNode> arguments)
        {
            if (arguments.Count < 2)
            {
                return;
            }
            foreach (var group in arguments.GroupBy(a => a.Name.Value, StringComparer.Ordinal))
            {
                var names = group.Select(a => (SyntaxNode?)a.Name).ToArray();
                if (names.Length > 1)
                {
                    context.ReportError($"There can be only one argument named \"{group.Key}\".", names);
                }
            }
        }
    }
}
