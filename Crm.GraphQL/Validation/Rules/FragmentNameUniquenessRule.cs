using Crm.GraphQL.Language;

namespace Crm.GraphQL.Validation.Rules;

/// <summary>Fragment Name Uniqueness: no two fragments share a name.</summary>
public sealed class FragmentNameUniquenessRule : IValidationRule
{
    /// <inheritdoc />
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        private readonly Dictionary<string, NameNode> _seen = new(StringComparer.Ordinal);

        public override void EnterFragmentDefinition(FragmentDefinitionNode node)
        {
            if (_seen.TryGetValue(node.Name.Value, out var first))
            {
                context.ReportError($"There can be only one fragment named \"{node.Name.Value}\".", first, node.Name);
            }
            else
            {
                _seen[node.Name.Value] = node.Name;
            }
        }
    }
}
