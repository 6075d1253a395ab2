using System.Collections;
using System.Text.Json;
using Crm.GraphQL.Types;

namespace Crm.GraphQL.Execution;

internal sealed partial class OperationExecution
{
    /// <summary>CompleteValue of the specification: writes the completed value into the parent's slot.</summary>
    private void CompleteValue(ResultNode parent, int index, FieldPlan plan, GraphQLType type, object? value)
    {
        if (type is NonNullType nonNull)
        {
            if (value is null)
            {
                RaiseFieldError(parent, index, plan, $"Cannot return null for non-nullable field {plan.ParentType.Name}.{plan.Field.Name}.", ErrorCodes.InvalidResult);
                return;
            }
            type = nonNull.OfType;
        }
        else if (value is null)
        {
            parent.Set(index, null);
            return;
        }
        switch (type)
        {
            case ScalarType scalar:
                try
                {
                    parent.Set(index, scalar.Serialize(value));
                }
                catch (CoercionException ex)
                {
                    RaiseFieldError(parent, index, plan, ex.Message, ErrorCodes.InvalidResult);
                }
                return;
            case EnumType enumType:
                try
                {
                    parent.Set(index, enumType.Serialize(value));
                }
                catch (CoercionException ex)
                {
                    RaiseFieldError(parent, index, plan, ex.Message, ErrorCodes.InvalidResult);
                }
                return;
            case ObjectType objectType:
                CompleteObject(parent, index, plan, objectType, value);
                return;
            case ListType list:
                CompleteList(parent, index, plan, list, value);
                return;
            default:
                var runtimeType = ResolveRuntimeType((NamedType)type, value, plan, parent, index);
                if (runtimeType is not null)
                {
                    CompleteObject(parent, index, plan, runtimeType, value);
                }
                return;
        }
    }

    private void CompleteObject(ResultNode parent, int index, FieldPlan plan, ObjectType type, object value)
    {
        var childPlan = plan.GetChildPlan(type, Variables);
        var map = new ResultMap(childPlan, parent, index);
        parent.Set(index, map);
        var fields = childPlan.Fields;
        for (var i = 0; i < fields.Length; i++)
        {
            _queue.Enqueue(new FieldTask(map, i, fields[i], value));
        }
    }

    private void CompleteList(ResultNode parent, int index, FieldPlan plan, ListType type, object value)
    {
        var isJsonArray = value is JsonElement { ValueKind: JsonValueKind.Array };
        if (!isJsonArray && (value is string || value is not IEnumerable || value is IDictionary || value is IReadOnlyDictionary<string, object?>))
        {
            RaiseFieldError(parent, index, plan, $"Expected Iterable, but did not find one for field \"{plan.ParentType.Name}.{plan.Field.Name}\".", ErrorCodes.InvalidResult);
            return;
        }
        var itemType = type.OfType;
        var itemsNonNull = itemType is NonNullType;
        switch (value)
        {
            case IList list:
            {
                var result = new ResultList(list.Count, itemsNonNull, parent, index);
                parent.Set(index, result);
                for (var i = 0; i < list.Count && !result.IsNulled; i++)
                {
                    CompleteValue(result, i, plan, itemType, list[i]);
                }
                return;
            }
            case JsonElement array:
            {
                var result = new ResultList(array.GetArrayLength(), itemsNonNull, parent, index);
                parent.Set(index, result);
                var i = 0;
                foreach (var item in array.EnumerateArray())
                {
                    if (result.IsNulled)
                    {
                        break;
                    }
                    CompleteValue(result, i++, plan, itemType, item.ValueKind == JsonValueKind.Object ? item : InputValues.Unwrap(item));
                }
                return;
            }
            default:
            {
                var items = new List<object?>();
                foreach (var item in (IEnumerable)value)
                {
                    items.Add(item);
                }
                var result = new ResultList(items.Count, itemsNonNull, parent, index);
                parent.Set(index, result);
                for (var i = 0; i < items.Count && !result.IsNulled; i++)
                {
                    CompleteValue(result, i, plan, itemType, items[i]);
                }
                return;
            }
        }
    }

    /// <summary>
    /// ResolveAbstractType: the type's resolver, then the object type bound to the value's CLR type,
    /// then <c>IsTypeOf</c> checks, then a <c>__typename</c> entry of a dictionary or JSON value.
    /// </summary>
    private ObjectType? ResolveRuntimeType(NamedType abstractType, object value, FieldPlan plan, ResultNode parent, int index)
    {
        var resolver = abstractType switch
        {
            InterfaceType iface => iface.ResolveType,
            UnionType union => union.ResolveType,
            _ => null,
        };
        string? typeName = null;
        if (resolver is not null)
        {
            try
            {
                typeName = resolver(value, new ResolverContext(this, plan, parent, index, value, plan.StaticArguments ?? EmptyArguments));
            }
            catch (Exception ex) when (IsFieldError(ex))
            {
                RaiseFieldError(parent, index, plan, ex);
                return null;
            }
        }
        typeName ??= value switch
        {
            IReadOnlyDictionary<string, object?> map when map.TryGetValue("__typename", out var name) => name as string,
            JsonElement { ValueKind: JsonValueKind.Object } element when element.TryGetProperty("__typename", out var name) && name.ValueKind == JsonValueKind.String => name.GetString(),
            _ => null,
        };
        ObjectType? runtimeType;
        if (typeName is not null)
        {
            runtimeType = Schema.GetType(typeName) as ObjectType;
            if (runtimeType is null)
            {
                RaiseFieldError(parent, index, plan, $"Abstract type \"{abstractType.Name}\" was resolved to a type \"{typeName}\" that does not exist inside the schema.", ErrorCodes.InvalidResult);
                return null;
            }
        }
        else
        {
            runtimeType = Schema.RuntimeTypeCache.GetOrAdd((abstractType, value.GetType()), static (key, schema) => FindByClrType(schema, key.Item1, key.Item2), Schema);
            if (runtimeType is null)
            {
                foreach (var candidate in Schema.GetPossibleTypes(abstractType))
                {
                    if (candidate.IsTypeOf is { } isTypeOf && isTypeOf(value))
                    {
                        runtimeType = candidate;
                        break;
                    }
                }
            }
            if (runtimeType is null)
            {
                RaiseFieldError(
                    parent,
                    index,
                    plan,
                    $"Abstract type \"{abstractType.Name}\" must resolve to an Object type at runtime for field \"{plan.ParentType.Name}.{plan.Field.Name}\". Either the \"{abstractType.Name}\" type should provide a type resolver or each possible type should provide an IsTypeOf check or a CLR type.",
                    ErrorCodes.InvalidResult);
                return null;
            }
        }
        if (!Schema.IsPossibleType(abstractType, runtimeType))
        {
            RaiseFieldError(parent, index, plan, $"Runtime Object type \"{runtimeType.Name}\" is not a possible type for \"{abstractType.Name}\".", ErrorCodes.InvalidResult);
            return null;
        }
        return runtimeType;
    }

    private static ObjectType? FindByClrType(Schema schema, NamedType abstractType, Type clrType)
    {
        var candidates = schema.GetPossibleTypes(abstractType);
        foreach (var candidate in candidates)
        {
            if (candidate.ClrType == clrType)
            {
                return candidate;
            }
        }
        foreach (var candidate in candidates)
        {
            if (candidate.ClrType is { } bound && bound.IsAssignableFrom(clrType))
            {
                return candidate;
            }
        }
        return null;
    }
}
