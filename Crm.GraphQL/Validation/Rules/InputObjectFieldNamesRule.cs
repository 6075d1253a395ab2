using Crm.GraphQL.Language;
using Crm.GraphQL.Types;

namespace Crm.GraphQL.Validation.Rules;

/// <summary>Input Object Field Names: every field of an object value is defined by its input object type.</summary>
public sealed class InputObjectFieldNamesRule : IValidationRule
{
    /// <inheritdoc />
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        public override void EnterObjectField(ObjectFieldNode node)
        {
            if (context.InputValueDefinition is null && context.ParentInputType?.NamedType() is InputObjectType parent)
            {
                var suggestions = Suggestions.Rank(node.Name.Value, parent.Fields.Select(f => f.Name));
                context.ReportError(
                    $"Field \"{node.Name.Value}\" is not defined by type \"{parent.Name}\"." + Suggestions.DidYouMean(suggestions), node);
            }
        }
    }
}
