using Crm.GraphQL.Language;

namespace Crm.GraphQL.Validation.Rules;

/// <summary>All Variable Uses Defined: every variable an operation uses, also through fragments, is defined by it.</summary>
public sealed class AllVariableUsesDefinedRule : IValidationRule
{
    /// <inheritdoc />
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        public override void LeaveDocument(DocumentNode node)
        {
            foreach (var operation in context.Operations)
            {
                var defined = operation.VariableDefinitions.Select(v => v.Variable.Name.Value).ToHashSet(StringComparer.Ordinal);
                foreach (var usage in context.GetRecursiveVariableUsages(operation))
                {
                    var name = usage.Node.Name.Value;
                    if (!defined.Contains(name))
                    {
                        var message = operation.Name is { } operationName
                            ? $"Variable \"${name}\" is not defined by operation \"{operationName.Value}\"."
                            : $"Variable \"${name}\" is not defined.";
                        context.ReportError(message, usage.Node, operation);
                    }
                }
            }
        }
    }
}
