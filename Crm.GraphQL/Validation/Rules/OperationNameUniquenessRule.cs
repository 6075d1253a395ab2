using Crm.GraphQL.Language;

namespace Crm.GraphQL.Validation.Rules;

/// <summary>Operation Name Uniqueness: no two operations share a name, whatever their types.</summary>
public sealed class OperationNameUniquenessRule : IValidationRule
{
    /// <inheritdoc />
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        private readonly Dictionary<string, NameNode> _seen = new(StringComparer.Ordinal);

        public override void EnterOperation(OperationDefinitionNode node)
        {
            if (node.Name is not { } name)
            {
                return;
            }
            if (_seen.TryGetValue(name.Value, out var first))
            {
                context.ReportError($"There can be only one operation named \"{name.Value}\".", first, name);
            }
            else
            {
                _seen[name.Value] = name;
            }
        }
    }
}
