using Crm.GraphQL.Language;
using Crm.GraphQL.Types;

namespace Crm.GraphQL.Validation.Rules;

/// <summary>Input Object Required Fields: fields of non-null type without a default value are given.</summary>
public sealed class InputObjectRequiredFieldsRule : IValidationRule
{
    /// <inheritdoc />
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        public override void EnterValue(ValueNode node)
        {
            if (node is not ObjectValueNode obj || context.InputType?.NamedType() is not InputObjectType type)
            {
                return;
            }
            foreach (var field in type.Fields)
            {
                if (field.Type is NonNullType && !field.HasDefaultValue && !obj.Fields.Any(f => f.Name.Value == field.Name))
                {
                    context.ReportError($"Field \"{type.Name}.{field.Name}\" of required type \"{field.Type}\" was not provided.", node);
                }
            }
        }
    }
}
