using Crm.GraphQL.Language;

namespace Crm.GraphQL.Validation.Rules;

/// <summary>All Variables Used: every variable an operation defines is used by it or by a fragment it spreads.</summary>
public sealed class AllVariablesUsedRule : IValidationRule
{
    /// <inheritdoc />
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        public override void LeaveDocument(DocumentNode node)
        {
            foreach (var operation in context.Operations)
            {
                var used = context.GetRecursiveVariableUsages(operation).Select(u => u.Node.Name.Value).ToHashSet(StringComparer.Ordinal);
                foreach (var definition in operation.VariableDefinitions)
                {
                    var name = definition.Variable.Name.Value;
                    if (!used.Contains(name))
                    {
                        var message = operation.Name is { } operationName
                            ? $"Variable \"${name}\" is never used in operation \"{operationName.Value}\"."
                            : $"Variable \"${name}\" is never used.";
                        context.ReportError(message, definition);
                    }
                }
            }
        }
    }
}
