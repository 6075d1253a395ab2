using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace Crm.GraphQL.Execution;

internal static class JsonNames
{
    public static readonly JsonEncodedText Data = JsonEncodedText.Encode("data");
    public static readonly JsonEncodedText Errors = JsonEncodedText.Encode("errors");
    public static readonly JsonEncodedText Extensions = JsonEncodedText.Encode("extensions");
    public static readonly JsonEncodedText Message = JsonEncodedText.Encode("message");
    public static readonly JsonEncodedText Locations = JsonEncodedText.Encode("locations");
    public static readonly JsonEncodedText Path = JsonEncodedText.Encode("path");
    public static readonly JsonEncodedText Line = JsonEncodedText.Encode("line");
    public static readonly JsonEncodedText Column = JsonEncodedText.Encode("column");
}

/// <summary>Writes response trees and errors as JSON.</summary>
internal static class ResultWriter
{
    public static void WriteError(Utf8JsonWriter writer, GraphQLError error)
    {
        writer.WriteStartObject();
        writer.WriteString(JsonNames.Message, error.Message);
        if (error.Locations is { Count: > 0 } locations)
        {
            writer.WritePropertyName(JsonNames.Locations);
            writer.WriteStartArray();
            foreach (var location in locations)
            {
                writer.WriteStartObject();
                writer.WriteNumber(JsonNames.Line, location.Line);
                writer.WriteNumber(JsonNames.Column, location.Column);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        if (error.Path is { Count: > 0 } path)
        {
            writer.WritePropertyName(JsonNames.Path);
            writer.WriteStartArray();
            foreach (var segment in path)
            {
                if (segment is int index)
                {
                    writer.WriteNumberValue(index);
                }
                else
                {
                    writer.WriteStringValue(segment.ToString());
                }
            }
            writer.WriteEndArray();
        }
        if (error.Extensions is { Count: > 0 } extensions)
        {
            writer.WritePropertyName(JsonNames.Extensions);
            WriteValue(writer, extensions);
        }
        writer.WriteEndObject();
    }

    public static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                return;
            case ResultMap map:
            {
                writer.WriteStartObject();
                var names = map.Plan.EncodedNames;
                var values = map.Values;
                for (var i = 0; i < values.Length; i++)
                {
                    writer.WritePropertyName(names[i]);
                    WriteValue(writer, values[i]);
                }
                writer.WriteEndObject();
                return;
            }
            case ResultList list:
            {
                writer.WriteStartArray();
                foreach (var item in list.Items)
                {
                    WriteValue(writer, item);
                }
                writer.WriteEndArray();
                return;
            }
            case string s:
                writer.WriteStringValue(s);
                return;
            case bool b:
                writer.WriteBooleanValue(b);
                return;
            case int i:
                writer.WriteNumberValue(i);
                return;
            case long l:
                writer.WriteNumberValue(l);
                return;
            case double d:
                writer.WriteNumberValue(d);
                return;
            case decimal m:
                writer.WriteNumberValue(m);
                return;
            case float f:
                writer.WriteNumberValue(f);
                return;
            case short or byte or sbyte or ushort or uint:
                writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                return;
            case ulong ul:
                writer.WriteNumberValue(ul);
                return;
            case JsonElement element:
                element.WriteTo(writer);
                return;
            case Guid g:
                writer.WriteStringValue(g);
                return;
            case DateTimeOffset dto:
                writer.WriteStringValue(dto);
                return;
            case DateTime dt:
                writer.WriteStringValue(dt);
                return;
            case Enum e:
                writer.WriteStringValue(e.ToString());
                return;
            case IEnumerable<KeyValuePair<string, object?>> map:
                writer.WriteStartObject();
                foreach (var (key, item) in map)
                {
                    writer.WritePropertyName(key);
                    WriteValue(writer, item);
                }
                writer.WriteEndObject();
                return;
            case IDictionary dictionary:
                writer.WriteStartObject();
                foreach (DictionaryEntry entry in dictionary)
                {
                    writer.WritePropertyName(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty);
                    WriteValue(writer, entry.Value);
                }
                writer.WriteEndObject();
                return;
            case IEnumerable enumerable:
                writer.WriteStartArray();
                foreach (var item in enumerable)
                {
                    WriteValue(writer, item);
                }
                writer.WriteEndArray();
                return;
            default:
                writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                return;
        }
    }
}
