using Crm.GraphQL.Language;
using Crm.GraphQL.Types;

namespace Crm.GraphQL.Validation.Rules;

/// <summary>Variables Are Input Types: variables are scalars, enums, input objects or lists and non-nulls of them.</summary>
public sealed class VariablesAreInputTypesRule : IValidationRule
{
    /// <inheritdoc />
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        public override void EnterVariableDefinition(VariableDefinitionNode node)
        {
            if (context.Schema.TypeFromAst(node.Type) is { } type && !type.IsInputType())
            {
                context.ReportError(
                    $"Variable \"${node.Variable.Name.Value}\" cannot be non-input type \"{Printer.Print(node.Type)}\".",
                    node.Type);
            }
        }
    }
}
