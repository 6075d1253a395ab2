using System.Globalization;
using Crm.GraphQL.Language;
using Crm.GraphQL.Types;

namespace Crm.GraphQL.Validation.Rules;

/// <summary>
/// Values of Correct Type: every literal can be coerced to the type expected where it stands:
/// scalars and enums by their literal rules, no null where a non-null type is expected, lists and
/// objects only where lists and input objects are expected, and a OneOf input object with exactly
/// one field that is not null. Variables are checked by <see cref="AllVariableUsagesAreAllowedRule"/>.
/// </summary>
public sealed class ValuesOfCorrectTypeRule : IValidationRule
{
    /// <inheritdoc />
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        // A value already reported as a whole; nothing inside it is checked again.
        private ValueNode? _reported;

        public override void EnterValue(ValueNode node)
        {
            if (_reported is not null || context.InputType is not { } type)
            {
                return;
            }
            switch (node)
            {
                case VariableNode:
                    break;
                case NullValueNode:
                    if (type is NonNullType)
                    {
                        context.ReportError($"Expected value of type \"{type}\", found null.", node);
                    }
                    break;
                case ListValueNode when type.NullableType() is not ListType:
                    CheckLiteral(node, type.NullableType());
                    _reported = node;
                    break;
                case ListValueNode:
                    break;
                case ObjectValueNode obj when type.NamedType() is InputObjectType inputObject:
                    if (inputObject.IsOneOf)
                    {
                        CheckOneOf(obj, inputObject);
                    }
                    break;
                case ObjectValueNode:
                    CheckLiteral(node, type);
                    _reported = node;
                    break;
                default:
                    CheckLiteral(node, type);
                    break;
            }
        }

        public override void LeaveValue(ValueNode node)
        {
            if (ReferenceEquals(node, _reported))
            {
                _reported = null;
            }
        }

        private void CheckOneOf(ObjectValueNode node, InputObjectType type)
        {
            var names = node.Fields.Select(f => f.Name.Value).Distinct(StringComparer.Ordinal).ToList();
            if (names.Count != 1)
            {
                context.ReportError($"OneOf Input Object \"{type.Name}\" must specify exactly one key.", node);
            }
            else if (node.Fields.First(f => f.Name.Value == names[0]).Value is NullValueNode)
            {
                context.ReportError($"Field \"{type.Name}.{names[0]}\" must be non-null.", node);
            }
        }

        /// <summary>Checks a literal against a leaf type; anything else cannot take it.</summary>
        private void CheckLiteral(ValueNode node, GraphQLType locationType)
        {
            var message = locationType.NamedType() switch
            {
                ScalarType { IsBuiltIn: true } scalar => BuiltInScalarError(scalar.Name, node),
                ScalarType scalar => CustomScalarError(scalar, node, locationType),
                EnumType enumType => EnumError(enumType, node),
                _ => $"Expected value of type \"{locationType}\", found {Printer.Print(node)}.",
            };
            if (message is not null)
            {
                context.ReportError(message, node);
            }
        }

        private static string? BuiltInScalarError(string scalar, ValueNode node)
        {
            switch (scalar)
            {
                case "Int":
                    if (node is not IntValueNode integer)
                    {
                        return $"Int cannot represent non-integer value: {Printer.Print(node)}";
                    }
                    return int.TryParse(integer.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
                        ? null
                        : $"Int cannot represent non 32-bit signed integer value: {integer.Value}";
                case "Float":
                    var text = node switch
                    {
                        IntValueNode i => i.Value,
                        FloatValueNode f => f.Value,
                        _ => null,
                    };
                    if (text is null)
                    {
                        return $"Float cannot represent non numeric value: {Printer.Print(node)}";
                    }
                    return double.IsFinite(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture))
                        ? null
                        : $"Float cannot represent non numeric value: {text}";
                case "String":
                    return node is StringValueNode ? null : $"String cannot represent a non string value: {Printer.Print(node)}";
                case "Boolean":
                    return node is BooleanValueNode ? null : $"Boolean cannot represent a non boolean value: {Printer.Print(node)}";
                default:
                    return node is StringValueNode or IntValueNode
                        ? null
                        : $"ID cannot represent a non-string and non-integer value: {Printer.Print(node)}";
            }
        }

        private static string? CustomScalarError(ScalarType scalar, ValueNode node, GraphQLType locationType)
        {
            // A variable's value is unknown until execution, so a literal containing one cannot be judged yet.
            if (ContainsVariable(node))
            {
                return null;
            }
            try
            {
                scalar.ParseLiteral(node);
                return null;
            }
            catch (CoercionException ex)
            {
                return $"Expected value of type \"{locationType}\", found {Printer.Print(node)}; {ex.Message}";
            }
        }

        private static string? EnumError(EnumType type, ValueNode node)
        {
            var names = type.Values.Select(v => v.Name);
            if (node is EnumValueNode value)
            {
                return type.Values.Contains(value.Value)
                    ? null
                    : $"Value \"{value.Value}\" does not exist in \"{type.Name}\" enum."
                        + Suggestions.DidYouMean(Suggestions.Rank(value.Value, names), "the enum value");
            }
            var printed = Printer.Print(node);
            return $"Enum \"{type.Name}\" cannot represent non-enum value: {printed}."
                + Suggestions.DidYouMean(Suggestions.Rank(printed, names), "the enum value");
        }

        private static bool ContainsVariable(ValueNode node) => node switch
        {
            VariableNode => true,
            ListValueNode list => list.Values.Any(ContainsVariable),
            ObjectValueNode obj => obj.Fields.Any(f => ContainsVariable(f.Value)),
            _ => false,
        };
    }
}
