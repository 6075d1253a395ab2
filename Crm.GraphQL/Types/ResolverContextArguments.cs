using System.Collections;
using System.Globalization;
using System.Reflection;

namespace Crm.GraphQL.Types;

/// <summary>Typed access to a resolver's arguments and parent value.</summary>
public static class ResolverContextArguments
{
    /// <summary>
    /// The argument converted to <typeparamref name="T"/>: numbers widen, enum names become CLR
    /// enums, lists become arrays or lists, input objects become records or classes (by
    /// constructor parameters or settable properties, matched by name case-insensitively).
    /// </summary>
    /// <exception cref="GraphQLException">The argument is absent and <typeparamref name="T"/> cannot be null, or it cannot be converted.</exception>
    public static T Argument<T>(this IResolverContext context, string name)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(name);
        if (!context.Arguments.TryGetValue(name, out var value))
        {
            if (default(T) is null)
            {
                return default!;
            }
            throw new GraphQLException($"Argument \"{name}\" was not provided.", "BAD_USER_INPUT");
        }
        try
        {
            return (T)ValueConverter.Convert(value, typeof(T))!;
        }
        catch (Exception ex) when (ex is InvalidCastException or FormatException or OverflowException or ArgumentException or MissingMethodException)
        {
            throw new GraphQLException($"Argument \"{name}\" cannot be read as {typeof(T).Name}: {ex.Message}", ex);
        }
    }

    /// <summary>The argument converted to <typeparamref name="T"/>, or <paramref name="fallback"/> when absent or null.</summary>
    public static T ArgumentOrDefault<T>(this IResolverContext context, string name, T fallback)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Arguments.TryGetValue(name, out var value) && value is not null ? context.Argument<T>(name) : fallback;
    }

    /// <summary>The parent value as <typeparamref name="T"/>.</summary>
    /// <exception cref="InvalidCastException">The parent value is not a <typeparamref name="T"/>.</exception>
    public static T Parent<T>(this IResolverContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return (T)context.Source!;
    }
}

/// <summary>Converts coerced input values (primitives, lists, dictionaries) to CLR types.</summary>
internal static class ValueConverter
{
    public static object? Convert(object? value, Type target)
    {
        if (value is null)
        {
            return target.IsValueType && Nullable.GetUnderlyingType(target) is null ? Activator.CreateInstance(target) : null;
        }
        if (target.IsInstanceOfType(value))
        {
            return value;
        }
        var underlying = Nullable.GetUnderlyingType(target) ?? target;
        if (underlying.IsEnum)
        {
            return value is string name
                ? Enum.Parse(underlying, Enum.GetNames(underlying).FirstOrDefault(n => SchemaBuilder.EnumValueName(n) == name) ?? name, ignoreCase: true)
                : Enum.ToObject(underlying, value);
        }
        if (underlying == typeof(Guid) && value is string guid)
        {
            return Guid.Parse(guid);
        }
        if (value is IConvertible && typeof(IConvertible).IsAssignableFrom(underlying))
        {
            return System.Convert.ChangeType(value, underlying, CultureInfo.InvariantCulture);
        }
        if (value is IReadOnlyDictionary<string, object?> map)
        {
            return ToObject(map, underlying);
        }
        if (value is IEnumerable items && value is not string)
        {
            return ToCollection(items, underlying);
        }
        throw new InvalidCastException($"Cannot convert {value.GetType().Name} to {target.Name}.");
    }

    private static object ToCollection(IEnumerable items, Type target)
    {
        var elementType = target.IsArray
            ? target.GetElementType()!
            : target.IsGenericType ? target.GetGenericArguments()[0] : typeof(object);
        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(elementType))!;
        foreach (var item in items)
        {
            list.Add(Convert(item, elementType));
        }
        if (target.IsArray)
        {
            var array = Array.CreateInstance(elementType, list.Count);
            list.CopyTo(array, 0);
            return array;
        }
        return target.IsAssignableFrom(list.GetType()) ? list : Activator.CreateInstance(target, list)!;
    }

    private static object ToObject(IReadOnlyDictionary<string, object?> map, Type target)
    {
        var lookup = map.ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);
        var constructor = target.GetConstructors(BindingFlags.Public | BindingFlags.Instance)
            .OrderByDescending(c => c.GetParameters().Length)
            .FirstOrDefault();
        object instance;
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (constructor is null || constructor.GetParameters().Length == 0)
        {
            instance = Activator.CreateInstance(target)!;
        }
        else
        {
            var parameters = constructor.GetParameters();
            var arguments = new object?[parameters.Length];
            for (var i = 0; i < parameters.Length; i++)
            {
                var parameter = parameters[i];
                if (lookup.TryGetValue(parameter.Name!, out var argument))
                {
                    arguments[i] = Convert(argument, parameter.ParameterType);
                    used.Add(parameter.Name!);
                }
                else
                {
                    arguments[i] = parameter.HasDefaultValue ? parameter.DefaultValue : Convert(null, parameter.ParameterType);
                }
            }
            instance = constructor.Invoke(arguments);
        }
        foreach (var property in target.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.CanWrite && !used.Contains(property.Name) && lookup.TryGetValue(property.Name, out var propertyValue))
            {
                property.SetValue(instance, Convert(propertyValue, property.PropertyType));
            }
        }
        return instance;
    }
}
