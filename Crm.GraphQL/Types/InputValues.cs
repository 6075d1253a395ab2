using System.Globalization;
using System.Text.Json;

namespace Crm.GraphQL.Types;

/// <summary>Functions for external input values, which arrive as <see cref="JsonElement"/> or CLR values.</summary>
internal static class InputValues
{
    public static object? Unwrap(object? value)
    {
        if (value is not JsonElement element)
        {
            return value;
        }
        switch (element.ValueKind)
        {
            case JsonValueKind.Null:
            case JsonValueKind.Undefined:
                return null;
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.String:
                return element.GetString();
            case JsonValueKind.Number:
                if (element.TryGetInt32(out var i))
                {
                    return i;
                }
                if (element.TryGetInt64(out var l))
                {
                    return l;
                }
                if (element.TryGetDecimal(out var m) && !element.GetRawText().Contains('e', StringComparison.OrdinalIgnoreCase))
                {
                    return m;
                }
                return element.GetDouble();
            case JsonValueKind.Array:
            {
                var list = new List<object?>(element.GetArrayLength());
                foreach (var item in element.EnumerateArray())
                {
                    list.Add(Unwrap(item));
                }
                return list;
            }
            case JsonValueKind.Object:
            {
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    map[property.Name] = Unwrap(property.Value);
                }
                return map;
            }
            default:
                return null;
        }
    }

    public static bool IsNull(object? value) =>
        value is null || (value is JsonElement e && e.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined);

    /// <summary>Reads a number as a double; false for anything that is not a number.</summary>
    public static bool TryGetDouble(object value, out double result)
    {
        switch (value)
        {
            case int i: result = i; return true;
            case long l: result = l; return true;
            case double d: result = d; return true;
            case float f: result = f; return true;
            case decimal m: result = (double)m; return true;
            case short s: result = s; return true;
            case byte b: result = b; return true;
            case sbyte sb: result = sb; return true;
            case ushort us: result = us; return true;
            case uint ui: result = ui; return true;
            case ulong ul: result = ul; return true;
            case JsonElement { ValueKind: JsonValueKind.Number } e:
                if (e.TryGetDouble(out result))
                {
                    return true;
                }
                result = double.Parse(e.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture);
                return true;
            default:
                result = 0;
                return false;
        }
    }
}
