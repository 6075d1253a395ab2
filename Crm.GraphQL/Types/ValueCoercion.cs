using System.Collections;
using System.Text.Json;
using Crm.GraphQL.Language;

namespace Crm.GraphQL.Types;

/// <summary>
/// Input coercion (spec section 3): literals in documents and external values (JSON variables)
/// converted to internal values, and internal values converted back to literals.
/// Internal values are: scalar values as the scalar's parse methods return them, enum values'
/// <see cref="EnumValueDefinition.Value"/>, lists as <see cref="IReadOnlyList{T}"/> of object, and input
/// objects as <see cref="IReadOnlyDictionary{TKey, TValue}"/> keyed by field name holding only the
/// fields that were given or have a default.
/// </summary>
public static class ValueCoercion
{
    /// <summary>
    /// Coerces a literal to <paramref name="type"/>. Variables are looked up in
    /// <paramref name="variables"/> (already coerced values); a variable missing from it counts as not given.
    /// </summary>
    /// <exception cref="CoercionException">The literal is not valid for the type.</exception>
    public static object? CoerceLiteral(ValueNode literal, GraphQLType type, IReadOnlyDictionary<string, object?>? variables = null)
    {
        ArgumentNullException.ThrowIfNull(literal);
        ArgumentNullException.ThrowIfNull(type);
        var result = Literal(literal, type, variables);
        return ReferenceEquals(result, Missing) ? null : result;
    }

    /// <summary>Whether a literal is valid for <paramref name="type"/>; variables are assumed valid.</summary>
    public static bool IsValidLiteral(ValueNode literal, GraphQLType type, out string? error)
    {
        try
        {
            _ = Literal(literal, type, variables: null, variablesAreValid: true);
            error = null;
            return true;
        }
        catch (CoercionException ex)
        {
            error = ex.Message;
            return false;
        }
    }

    /// <summary>Coerces an external input value (JSON element or CLR value) to <paramref name="type"/>.</summary>
    /// <exception cref="CoercionException">The value is not valid for the type; <see cref="CoercionException.Path"/> tells where.</exception>
    public static object? CoerceInputValue(object? value, GraphQLType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return Input(value, type);
    }

    /// <summary>Converts an internal (or plain CLR) value to a literal of <paramref name="type"/>, e.g. for a default value.</summary>
    /// <exception cref="CoercionException">The value cannot be represented in the type.</exception>
    public static ValueNode ToLiteral(object? value, GraphQLType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (type is NonNullType nonNull)
        {
            return value is null
                ? throw new CoercionException($"Expected a non-null value for type \"{type}\".")
                : ToLiteral(value, nonNull.OfType);
        }
        if (value is null || value is JsonElement { ValueKind: JsonValueKind.Null })
        {
            return new NullValueNode();
        }
        switch (type)
        {
            case ListType list:
                if (value is IEnumerable items && value is not string && !IsObjectLike(value))
                {
                    var nodes = new List<ValueNode>();
                    foreach (var item in items)
                    {
                        nodes.Add(ToLiteral(item, list.OfType));
                    }
                    return new ListValueNode(nodes);
                }
                return ToLiteral(value, list.OfType);
            case InputObjectType input:
            {
                var fields = new List<ObjectFieldNode>();
                foreach (var field in input.Fields)
                {
                    if (TryGetField(value, field.Name, out var fieldValue))
                    {
                        fields.Add(new ObjectFieldNode(new NameNode(field.Name), ToLiteral(fieldValue, field.Type)));
                    }
                }
                return new ObjectValueNode(fields);
            }
            case EnumType enumType:
                return new EnumValueNode(enumType.Serialize(value is JsonElement e ? e.GetString()! : value));
            case ScalarType scalar:
                return scalar.ToLiteral(value);
            default:
                throw new CoercionException($"Type \"{type}\" is not an input type.");
        }
    }

    /// <summary>Marks a variable that was not provided, distinct from an explicit null.</summary>
    internal static readonly object Missing = new();

    private static object? Literal(ValueNode literal, GraphQLType type, IReadOnlyDictionary<string, object?>? variables, bool variablesAreValid = false)
    {
        if (literal is VariableNode variable)
        {
            if (variablesAreValid)
            {
                return null;
            }
            if (variables is null || !variables.TryGetValue(variable.Name.Value, out var variableValue))
            {
                return Missing;
            }
            if (variableValue is null && type is NonNullType)
            {
                throw Error($"Variable \"${variable.Name.Value}\" of non-null type \"{type}\" must not be null.", null);
            }
            return variableValue;
        }
        if (type is NonNullType nonNull)
        {
            if (literal is NullValueNode)
            {
                throw Error($"Expected value of non-null type \"{type}\" not to be null.", null);
            }
            return Literal(literal, nonNull.OfType, variables, variablesAreValid);
        }
        if (literal is NullValueNode)
        {
            return null;
        }
        switch (type)
        {
            case ListType list:
                if (literal is ListValueNode listNode)
                {
                    var items = new object?[listNode.Values.Count];
                    for (var i = 0; i < items.Length; i++)
                    {
                        object? item;
                        try
                        {
                            item = Literal(listNode.Values[i], list.OfType, variables, variablesAreValid);
                            if (ReferenceEquals(item, Missing))
                            {
                                item = list.OfType is NonNullType
                                    ? throw Error($"Expected value of non-null type \"{list.OfType}\" not to be null.", null)
                                    : null;
                            }
                        }
                        catch (CoercionException ex)
                        {
                            throw Prefix(ex, i);
                        }
                        items[i] = item;
                    }
                    return items;
                }
                {
                    var single = Literal(literal, list.OfType, variables, variablesAreValid);
                    return ReferenceEquals(single, Missing) ? Missing : new[] { single };
                }
            case InputObjectType input:
                return InputObjectLiteral(literal, input, variables, variablesAreValid);
            case EnumType enumType:
                return Wrap(() => enumType.ParseLiteral(literal), literal);
            case ScalarType scalar:
                return Wrap(() => scalar.ParseLiteral(literal), literal);
            default:
                throw Error($"Type \"{type}\" is not an input type.", null);
        }
    }

    private static Dictionary<string, object?> InputObjectLiteral(ValueNode literal, InputObjectType type, IReadOnlyDictionary<string, object?>? variables, bool variablesAreValid)
    {
        if (literal is not ObjectValueNode objectNode)
        {
            throw Error($"Expected value of type \"{type.Name}\", found {ValuePrinter.Print(literal)}.", null);
        }
        foreach (var fieldNode in objectNode.Fields)
        {
            if (!type.Fields.Contains(fieldNode.Name.Value))
            {
                throw Error($"Field \"{fieldNode.Name.Value}\" is not defined by type \"{type.Name}\".", null);
            }
        }
        var result = new Dictionary<string, object?>(type.Fields.Count, StringComparer.Ordinal);
        foreach (var field in type.Fields)
        {
            ObjectFieldNode? fieldNode = null;
            foreach (var candidate in objectNode.Fields)
            {
                if (candidate.Name.Value == field.Name)
                {
                    fieldNode = candidate;
                    break;
                }
            }
            object? value;
            try
            {
                value = fieldNode is null ? Missing : Literal(fieldNode.Value, field.Type, variables, variablesAreValid);
            }
            catch (CoercionException ex)
            {
                throw Prefix(ex, field.Name);
            }
            if (ReferenceEquals(value, Missing))
            {
                if (field.HasDefaultValue)
                {
                    result[field.Name] = field.CoercedDefaultValue;
                }
                else if (field.Type is NonNullType)
                {
                    throw Error($"Field \"{type.Name}.{field.Name}\" of required type \"{field.Type}\" was not provided.", null);
                }
                continue;
            }
            result[field.Name] = value;
        }
        if (type.IsOneOf)
        {
            CheckOneOf(type, result, objectNode.Fields.Count);
        }
        return result;
    }

    private static void CheckOneOf(InputObjectType type, Dictionary<string, object?> result, int givenCount)
    {
        if (givenCount != 1 || result.Count != 1)
        {
            throw Error($"Exactly one key must be specified for OneOf type \"{type.Name}\".", null);
        }
        foreach (var (name, value) in result)
        {
            if (value is null)
            {
                throw Error($"Field \"{type.Name}.{name}\" must be non-null.", null);
            }
        }
    }

    private static object? Input(object? value, GraphQLType type)
    {
        if (type is NonNullType nonNull)
        {
            if (InputValues.IsNull(value))
            {
                throw Error($"Expected non-nullable type \"{type}\" not to be null.", value);
            }
            return Input(value, nonNull.OfType);
        }
        if (InputValues.IsNull(value))
        {
            return null;
        }
        switch (type)
        {
            case ListType list:
                if (value is JsonElement { ValueKind: JsonValueKind.Array } array)
                {
                    var items = new object?[array.GetArrayLength()];
                    var i = 0;
                    foreach (var item in array.EnumerateArray())
                    {
                        items[i] = InputAt(item, list.OfType, i);
                        i++;
                    }
                    return items;
                }
                if (value is IEnumerable enumerable && value is not string && value is not JsonElement && !IsObjectLike(value))
                {
                    var items = new List<object?>();
                    foreach (var item in enumerable)
                    {
                        items.Add(InputAt(item, list.OfType, items.Count));
                    }
                    return items.ToArray();
                }
                return new[] { Input(value, list.OfType) };
            case InputObjectType input:
                return InputObject(value!, input);
            case EnumType enumType:
                return Wrap(() => enumType.ParseValue(value!), value);
            case ScalarType scalar:
                return Wrap(() => scalar.ParseValue(value!), value);
            default:
                throw Error($"Type \"{type}\" is not an input type.", value);
        }
    }

    private static Dictionary<string, object?> InputObject(object value, InputObjectType type)
    {
        if (!IsObjectLike(value))
        {
            throw Error($"Expected type \"{type.Name}\" to be an object.", value);
        }
        var result = new Dictionary<string, object?>(type.Fields.Count, StringComparer.Ordinal);
        foreach (var field in type.Fields)
        {
            if (TryGetField(value, field.Name, out var fieldValue))
            {
                result[field.Name] = InputAt(fieldValue, field.Type, field.Name);
            }
            else if (field.HasDefaultValue)
            {
                result[field.Name] = field.CoercedDefaultValue;
            }
            else if (field.Type is NonNullType)
            {
                throw Error($"Field \"{field.Name}\" of required type \"{field.Type}\" was not provided.", value);
            }
        }
        var givenCount = 0;
        foreach (var key in Keys(value))
        {
            givenCount++;
            if (!type.Fields.Contains(key))
            {
                throw Error($"Field \"{key}\" is not defined by type \"{type.Name}\".", value);
            }
        }
        if (type.IsOneOf)
        {
            CheckOneOf(type, result, givenCount);
        }
        return result;
    }

    private static bool IsObjectLike(object value) =>
        value is JsonElement { ValueKind: JsonValueKind.Object }
        || value is IReadOnlyDictionary<string, object?>
        || value is IDictionary<string, object?>
        || value is IDictionary;

    private static bool TryGetField(object value, string name, out object? fieldValue)
    {
        switch (value)
        {
            case JsonElement element when element.ValueKind == JsonValueKind.Object:
                if (element.TryGetProperty(name, out var property))
                {
                    fieldValue = property;
                    return true;
                }
                break;
            case IReadOnlyDictionary<string, object?> readOnly:
                return readOnly.TryGetValue(name, out fieldValue);
            case IDictionary<string, object?> dictionary:
                return dictionary.TryGetValue(name, out fieldValue);
            case IDictionary legacy:
                if (legacy.Contains(name))
                {
                    fieldValue = legacy[name];
                    return true;
                }
                break;
            default:
            {
                var propertyInfo = value.GetType().GetProperty(name, System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.IgnoreCase);
                if (propertyInfo is not null && propertyInfo.GetIndexParameters().Length == 0)
                {
                    fieldValue = propertyInfo.GetValue(value);
                    return true;
                }
                break;
            }
        }
        fieldValue = null;
        return false;
    }

    private static IEnumerable<string> Keys(object value)
    {
        switch (value)
        {
            case JsonElement element:
                foreach (var property in element.EnumerateObject())
                {
                    yield return property.Name;
                }
                break;
            case IReadOnlyDictionary<string, object?> readOnly:
                foreach (var key in readOnly.Keys)
                {
                    yield return key;
                }
                break;
            case IDictionary<string, object?> dictionary:
                foreach (var key in dictionary.Keys)
                {
                    yield return key;
                }
                break;
            case IDictionary legacy:
                foreach (var key in legacy.Keys)
                {
                    yield return key?.ToString() ?? string.Empty;
                }
                break;
        }
    }

    private static object? InputAt(object? value, GraphQLType type, object segment)
    {
        try
        {
            return Input(value, type);
        }
        catch (CoercionException ex)
        {
            throw Prefix(ex, segment);
        }
    }

    private static object Wrap(Func<object> parse, object? value)
    {
        try
        {
            return parse();
        }
        catch (CoercionException ex) when (ex.InvalidValue is null)
        {
            throw new CoercionException(ex.Message, ex) { Path = ex.Path, InvalidValue = value };
        }
    }

    private static CoercionException Error(string message, object? value) => new(message) { InvalidValue = value };

    // Paths are built while the exception unwinds, so the successful path allocates nothing for them.
    private static CoercionException Prefix(CoercionException ex, object segment) =>
        new(ex.Message, ex.InnerException ?? ex) { Path = [segment, .. ex.Path], InvalidValue = ex.InvalidValue };
}
