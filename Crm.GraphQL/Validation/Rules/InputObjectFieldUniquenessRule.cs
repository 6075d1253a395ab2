using Crm.GraphQL.Language;

namespace Crm.GraphQL.Validation.Rules;

/// <summary>Input Object Field Uniqueness: an object value gives each field once.</summary>
public sealed class InputObjectFieldUniquenessRule : IValidationRule
{
    /// <inheritdoc />
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        public override void EnterValue(ValueNode node)
        {
            if (node is not ObjectValueNode { Fields.Count: > 1 } obj)
            {
                return;
            }
            var seen = new Dictionary<string, NameNode>(StringComparer.Ordinal);
            foreach (var field in obj.Fields)
            {
                if (seen.TryGetValue(field.Name.Value, out var first))
                {
                    context.ReportError($"There can be only one input field named \"{field.Name.Value}\".", first, field.Name);
                }
                else
                {
                    seen[field.Name.Value] = field.Name;
                }
            }
        }
    }
}
