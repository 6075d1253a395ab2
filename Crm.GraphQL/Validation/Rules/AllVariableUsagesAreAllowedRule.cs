using Crm.GraphQL.Language;
using Crm.GraphQL.Types;

namespace Crm.GraphQL.Validation.Rules;

/// <summary>
/// All Variable Usages Are Allowed: a variable's type fits every position it is used in
/// (IsVariableUsageAllowed); a field of a OneOf input object counts as a non-null position.
/// </summary>
public sealed class AllVariableUsagesAreAllowedRule : IValidationRule
{
    /// <inheritdoc />
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        public override void LeaveDocument(DocumentNode node)
        {
            foreach (var operation in context.Operations)
            {
                // With duplicate definitions the last one counts, as in the reference implementation.
                var definitions = new Dictionary<string, VariableDefinitionNode>(StringComparer.Ordinal);
                foreach (var definition in operation.VariableDefinitions)
                {
                    definitions[definition.Variable.Name.Value] = definition;
                }
                foreach (var usage in context.GetRecursiveVariableUsages(operation))
                {
                    if (usage.Type is null || !definitions.TryGetValue(usage.Node.Name.Value, out var definition)
                        || context.Schema.TypeFromAst(definition.Type) is not { } variableType)
                    {
                        continue;
                    }
                    Check(usage, definition, variableType);
                }
            }
        }

        private void Check(VariableUsage usage, VariableDefinitionNode definition, GraphQLType variableType)
        {
            var locationType = usage.Type!;
            var oneOfField = usage.ParentInputObject is { IsOneOf: true };
            var nonNullPosition = locationType is NonNullType || oneOfField;
            if (nonNullPosition && variableType is not NonNullType)
            {
                var hasNonNullDefault = definition.DefaultValue is { } defaultValue and not NullValueNode;
                if ((hasNonNullDefault || usage.HasLocationDefault) && AreTypesCompatible(variableType, locationType.NullableType()))
                {
                    return;
                }
                var message = locationType is NonNullType || !oneOfField
                    ? $"Variable \"${usage.Node.Name.Value}\" of type \"{variableType}\" used in position expecting type \"{locationType}\"."
                    : $"Variable \"${usage.Node.Name.Value}\" is of type \"{variableType}\" but must be non-nullable to be used for OneOf Input Object \"{usage.ParentInputObject!.Name}\".";
                context.ReportError(message, definition, usage.Node);
                return;
            }
            if (!AreTypesCompatible(variableType, locationType))
            {
                context.ReportError(
                    $"Variable \"${usage.Node.Name.Value}\" of type \"{variableType}\" used in position expecting type \"{locationType}\".",
                    definition,
                    usage.Node);
            }
        }

        /// <summary>The specification's AreTypesCompatible: same named type, matching lists, non-null at least where required.</summary>
        private static bool AreTypesCompatible(GraphQLType variableType, GraphQLType locationType)
        {
            while (true)
            {
                if (locationType is NonNullType locationNonNull)
                {
                    if (variableType is not NonNullType variableNonNull)
                    {
                        return false;
                    }
                    variableType = variableNonNull.OfType;
                    locationType = locationNonNull.OfType;
                    continue;
                }
                if (variableType is NonNullType nonNull)
                {
                    variableType = nonNull.OfType;
                    continue;
                }
                if (locationType is ListType locationList)
                {
                    if (variableType is not ListType variableList)
                    {
                        return false;
                    }
                    variableType = variableList.OfType;
                    locationType = locationList.OfType;
                    continue;
                }
                return variableType is not ListType && ReferenceEquals(variableType, locationType);
            }
        }
    }
}
