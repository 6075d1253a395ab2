using Crm.GraphQL.Language;

namespace Crm.GraphQL.Validation.Rules;

/// <summary>Executable Definitions: a document to execute holds only operations and fragments.</summary>
public sealed class ExecutableDefinitionsRule : IValidationRule
{
    /// <inheritdoc />
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        public override void EnterDocument(DocumentNode node)
        {
            foreach (var definition in node.Definitions)
            {
                if (definition is ExecutableDefinitionNode)
                {
                    continue;
                }
                var name = definition switch
                {
                    TypeDefinitionNode type => $"\"{type.Name.Value}\"",
                    TypeExtensionNode extension => $"\"{extension.Name.Value}\"",
                    DirectiveDefinitionNode directive => $"\"{directive.Name.Value}\"",
                    _ => "schema",
                };
                context.ReportError($"The {name} definition is not executable.", definition);
            }
        }
    }
}
