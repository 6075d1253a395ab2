using Crm.GraphQL.Language;

namespace Crm.GraphQL.Validation.Rules;

/// <summary>Variable Uniqueness: an operation defines each variable once.</summary>
public sealed class VariableUniquenessRule : IValidationRule
{
    /// <inheritdoc />
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        public override void EnterOperation(OperationDefinitionNode node)
        {
            foreach (var group in node.VariableDefinitions.GroupBy(v => v.Variable.Name.Value, StringComparer.Ordinal))
            {
                var names = group.Select(v => (SyntaxNode?)v.Variable.Name).ToArray();
                if (names.Length > 1)
                {
                    context.ReportError($"There can be only one variable named \"${group.Key}\".", names);
                }
            }
        }
    }
}
