using Crm.GraphQL.Language;

namespace Crm.GraphQL.Validation.Rules;

/// <summary>Lone Anonymous Operation: an anonymous operation must be the document's only operation.</summary>
public sealed class LoneAnonymousOperationRule : IValidationRule
{
    /// <inheritdoc />
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        public override void EnterOperation(OperationDefinitionNode node)
        {
            if (node.Name is null && context.Operations.Count > 1)
            {
                context.ReportError("This anonymous operation must be the only defined operation.", node);
            }
        }
    }
}
