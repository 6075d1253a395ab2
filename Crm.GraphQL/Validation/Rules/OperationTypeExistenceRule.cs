using Crm.GraphQL.Language;

namespace Crm.GraphQL.Validation.Rules;

/// <summary>Operation Type Existence: the schema has a root type for every operation's type.</summary>
public sealed class OperationTypeExistenceRule : IValidationRule
{
    /// <inheritdoc />
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        public override void EnterOperation(OperationDefinitionNode node)
        {
            if (context.Schema.GetRootType(node.Operation) is null)
            {
                var operation = node.Operation switch
                {
                    OperationType.Mutation => "mutation",
                    OperationType.Subscription => "subscription",
                    _ => "query",
                };
                context.ReportError($"The {operation} operation is not supported by the schema.", node);
            }
        }
    }
}
