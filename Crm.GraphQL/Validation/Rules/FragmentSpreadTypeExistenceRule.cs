using Crm.GraphQL.Language;
using Crm.GraphQL.Types;

namespace Crm.GraphQL.Validation.Rules;

/// <summary>
/// Fragment Spread Type Existence: type conditions name types of the schema. Like the reference
/// implementation, every other type reference (a variable's type, say) is checked too.
/// </summary>
public sealed class FragmentSpreadTypeExistenceRule : IValidationRule
{
    /// <inheritdoc />
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        private List<string>? _typeNames;

        public override void EnterNamedType(NamedTypeNode node)
        {
            var name = node.Name.Value;
            if (context.Schema.GetType(name) is not null)
            {
                return;
            }
            // Schema definition language may name a built-in scalar the schema happens not to use.
            if (context.InTypeSystemDefinition && ScalarType.IsBuiltInName(name))
            {
                return;
            }
            _typeNames ??= context.Schema.Types.Select(t => t.Name).ToList();
            var candidates = context.InTypeSystemDefinition
                ? _typeNames.Concat(["Int", "Float", "String", "Boolean", "ID"]).Distinct(StringComparer.Ordinal)
                : _typeNames;
            context.ReportError($"Unknown type \"{name}\"." + Suggestions.DidYouMean(Suggestions.Rank(name, candidates)), node);
        }
    }
}
