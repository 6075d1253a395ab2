using System.Text.Json;
using System.Text.Json.Serialization;

namespace Crm.Domain.Common;

/// <summary>
/// Lets System.Text.Json read and write the equatable collections as plain JSON arrays and objects.
/// Events hold them, and the serializer cannot build an immutable collection type it does not know,
/// so the types name these converters themselves and every store or projection gets them for free.
/// </summary>
public sealed class EquatableCollectionJsonConverterFactory : JsonConverterFactory
{
    /// <inheritdoc />
    public override bool CanConvert(Type typeToConvert)
    {
        ArgumentNullException.ThrowIfNull(typeToConvert);
        if (!typeToConvert.IsGenericType)
        {
            return false;
        }
        var definition = typeToConvert.GetGenericTypeDefinition();
        return definition == typeof(EquatableList<>) || definition == typeof(EquatableSet<>) || definition == typeof(EquatableDictionary<,>);
    }

    /// <inheritdoc />
    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(typeToConvert);
        var arguments = typeToConvert.GetGenericArguments();
        var definition = typeToConvert.GetGenericTypeDefinition();
        var converter = definition == typeof(EquatableList<>) ? typeof(ListConverter<>).MakeGenericType(arguments)
            : definition == typeof(EquatableSet<>) ? typeof(SetConverter<>).MakeGenericType(arguments)
            : typeof(DictionaryConverter<,>).MakeGenericType(arguments);
        return (JsonConverter)Activator.CreateInstance(converter)!;
    }

    private sealed class ListConverter<T> : JsonConverter<EquatableList<T>>
    {
        public override EquatableList<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            EquatableList.From(JsonSerializer.Deserialize<List<T>>(ref reader, options) ?? []);

        public override void Write(Utf8JsonWriter writer, EquatableList<T> value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value.AsEnumerable(), options);
    }

    private sealed class SetConverter<T> : JsonConverter<EquatableSet<T>>
    {
        public override EquatableSet<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            (JsonSerializer.Deserialize<List<T>>(ref reader, options) ?? []).Aggregate(EquatableSet.Empty<T>(), static (set, item) => set.Add(item));

        public override void Write(Utf8JsonWriter writer, EquatableSet<T> value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value.AsEnumerable(), options);
    }

    private sealed class DictionaryConverter<TKey, TValue> : JsonConverter<EquatableDictionary<TKey, TValue>>
        where TKey : notnull
    {
        public override EquatableDictionary<TKey, TValue> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            (JsonSerializer.Deserialize<Dictionary<TKey, TValue>>(ref reader, options) ?? [])
                .Aggregate(EquatableDictionaries.Empty<TKey, TValue>(), static (map, entry) => map.SetItem(entry.Key, entry.Value));

        public override void Write(Utf8JsonWriter writer, EquatableDictionary<TKey, TValue> value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value.ToDictionary(static e => e.Key, static e => e.Value), options);
    }
}
