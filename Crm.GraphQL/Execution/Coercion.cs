using Crm.GraphQL.Language;
using Crm.GraphQL.Types;

namespace Crm.GraphQL.Execution;

/// <summary>CoerceArgumentValues of the specification.</summary>
internal static class ArgumentCoercion
{
    /// <exception cref="CoercionException">An argument is missing or invalid; the message names it.</exception>
    public static IReadOnlyDictionary<string, object?> Coerce(FieldDefinition field, IReadOnlyList<ArgumentNode> nodes, IReadOnlyDictionary<string, object?>? variables)
    {
        var result = new Dictionary<string, object?>(field.Arguments.Count, StringComparer.Ordinal);
        foreach (var argument in field.Arguments)
        {
            ArgumentNode? node = null;
            foreach (var candidate in nodes)
            {
                if (candidate.Name.Value == argument.Name)
                {
                    node = candidate;
                    break;
                }
            }
            var hasValue = node is not null;
            object? value = null;
            if (node?.Value is VariableNode variable)
            {
                hasValue = variables is not null && variables.TryGetValue(variable.Name.Value, out value);
            }
            if (!hasValue && argument.HasDefaultValue)
            {
                result[argument.Name] = argument.CoercedDefaultValue;
                continue;
            }
            if (argument.Type is NonNullType && (!hasValue || (node!.Value is VariableNode && value is null) || node!.Value is NullValueNode))
            {
                throw new CoercionException(hasValue
                    ? $"Argument \"{argument.Name}\" of non-null type \"{argument.Type}\" must not be null."
                    : $"Argument \"{argument.Name}\" of required type \"{argument.Type}\" was not provided.");
            }
            if (!hasValue)
            {
                continue;
            }
            if (node!.Value is VariableNode)
            {
                result[argument.Name] = value;
                continue;
            }
            try
            {
                result[argument.Name] = ValueCoercion.CoerceLiteral(node.Value, argument.Type, variables);
            }
            catch (CoercionException ex)
            {
                throw new CoercionException($"Argument \"{argument.Name}\" has invalid value {ValuePrinter.Print(node.Value)}: {ex.Message}", ex);
            }
        }
        return result;
    }
}

/// <summary>CoerceVariableValues of the specification.</summary>
internal static class VariableCoercion
{
    private static readonly IReadOnlyDictionary<string, object?> None = new Dictionary<string, object?>();

    public static IReadOnlyDictionary<string, object?> Coerce(Schema schema, OperationDefinitionNode operation, IReadOnlyDictionary<string, object?>? inputs, List<GraphQLError> errors)
    {
        if (operation.VariableDefinitions.Count == 0)
        {
            return None;
        }
        var result = new Dictionary<string, object?>(operation.VariableDefinitions.Count, StringComparer.Ordinal);
        foreach (var definition in operation.VariableDefinitions)
        {
            var name = definition.Variable.Name.Value;
            var type = schema.TypeFromAst(definition.Type);
            var location = definition.Location is { } l ? new[] { new ErrorLocation(l.Line, l.Column) } : null;
            if (type is null || !type.IsInputType())
            {
                errors.Add(GraphQLError.WithCode($"Variable \"${name}\" expected value of type \"{PrintType(definition.Type)}\" which cannot be used as an input type.", ErrorCodes.BadUserInput, location));
                continue;
            }
            object? value = null;
            var hasValue = inputs is not null && inputs.TryGetValue(name, out value);
            if (!hasValue && definition.DefaultValue is { } defaultValue)
            {
                try
                {
                    result[name] = ValueCoercion.CoerceLiteral(defaultValue, type);
                }
                catch (CoercionException ex)
                {
                    errors.Add(GraphQLError.WithCode($"Variable \"${name}\" has an invalid default value: {ex.Message}", ErrorCodes.BadUserInput, location));
                }
                continue;
            }
            var isNull = hasValue && IsNull(value);
            if (type is NonNullType && (!hasValue || isNull))
            {
                errors.Add(GraphQLError.WithCode(
                    hasValue
                        ? $"Variable \"${name}\" of non-null type \"{type}\" must not be null."
                        : $"Variable \"${name}\" of required type \"{type}\" was not provided.",
                    ErrorCodes.BadUserInput,
                    location));
                continue;
            }
            if (!hasValue)
            {
                continue;
            }
            if (isNull)
            {
                result[name] = null;
                continue;
            }
            try
            {
                result[name] = ValueCoercion.CoerceInputValue(value, type);
            }
            catch (CoercionException ex)
            {
                var at = ex.Path.Count > 0 ? $" at \"{name}{FormatPath(ex.Path)}\"" : string.Empty;
                errors.Add(GraphQLError.WithCode($"Variable \"${name}\" got invalid value {ValueInspector.Inspect(ex.InvalidValue ?? value)}{at}; {ex.Message}", ErrorCodes.BadUserInput, location));
            }
        }
        return result;
    }

    private static bool IsNull(object? value) =>
        value is null || (value is System.Text.Json.JsonElement e && e.ValueKind is System.Text.Json.JsonValueKind.Null or System.Text.Json.JsonValueKind.Undefined);

    private static string FormatPath(IReadOnlyList<object> path) =>
        string.Concat(path.Select(segment => segment is int index ? $"[{index}]" : "." + segment));

    private static string PrintType(TypeNode node) => node switch
    {
        NonNullTypeNode nonNull => PrintType(nonNull.Type) + "!",
        ListTypeNode list => "[" + PrintType(list.Type) + "]",
        NamedTypeNode named => named.Name.Value,
        _ => "?",
    };
}
