using System.Collections;
using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;
using Crm.GraphQL.Types;

namespace Crm.GraphQL.Execution;

/// <summary>
/// Resolves a field without a resolver from its parent value: a dictionary entry, a JSON property,
/// or a public property, field or parameterless method named like the field (case-insensitively).
/// Getters are compiled once per CLR type and field name.
/// </summary>
internal static class DefaultResolver
{
    private static readonly ConcurrentDictionary<(Type, string), Func<object, object?>> Getters = new();

    public static object? Resolve(object? source, FieldDefinition field)
    {
        switch (source)
        {
            case null:
                return null;
            case IReadOnlyDictionary<string, object?> map:
                return map.TryGetValue(field.Name, out var value) ? (value is JsonElement json ? FromJson(json) : value) : null;
            case JsonElement element:
                return element.ValueKind == JsonValueKind.Object && element.TryGetProperty(field.Name, out var property) ? FromJson(property) : null;
        }
        // A one-entry cache on the field: a field is nearly always read from one CLR type.
        var type = source.GetType();
        if (field.DefaultResolverCache is CachedGetter cached && cached.Type == type)
        {
            return cached.Getter(source);
        }
        var getter = Getters.GetOrAdd((type, field.Name), static key => CreateGetter(key.Item1, key.Item2));
        field.DefaultResolverCache = new CachedGetter(type, getter);
        return getter(source);
    }

    private static object? FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element,
        JsonValueKind.Array => element,
        _ => InputValues.Unwrap(element),
    };

    private static Func<object, object?> CreateGetter(Type type, string name)
    {
        if (type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>) && i.GetGenericArguments()[0] == typeof(string)))
        {
            return source => source is IDictionary dictionary && dictionary.Contains(name) ? dictionary[name] : null;
        }
        const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase;
        MemberInfo? member = type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance) is { } exact && exact.GetIndexParameters().Length == 0
            ? exact
            : type.GetProperties(flags).FirstOrDefault(p => p.GetIndexParameters().Length == 0 && string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
        member ??= type.GetField(name, flags);
        member ??= type.GetMethods(flags).FirstOrDefault(m =>
            m.GetParameters().Length == 0 && m.ReturnType != typeof(void) && !m.IsGenericMethodDefinition
            && (string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase) || string.Equals(m.Name, "Get" + name, StringComparison.OrdinalIgnoreCase)));
        if (member is null)
        {
            return static _ => null;
        }
        var parameter = Expression.Parameter(typeof(object), "source");
        var typed = Expression.Convert(parameter, type);
        Expression access = member switch
        {
            PropertyInfo property => Expression.Property(typed, property),
            FieldInfo field => Expression.Field(typed, field),
            MethodInfo method => Expression.Call(typed, method),
            _ => throw new InvalidOperationException("Unexpected member kind."),
        };
        return Expression.Lambda<Func<object, object?>>(Expression.Convert(access, typeof(object)), parameter).Compile();
    }

    private sealed record CachedGetter(Type Type, Func<object, object?> Getter);
}
