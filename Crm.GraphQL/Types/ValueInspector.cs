using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Crm.GraphQL.Types;

/// <summary>Describes a runtime value in an error message: <c>"text"</c>, <c>1.5</c>, <c>{ a: 1 }</c>, <c>[1, 2]</c>.</summary>
internal static class ValueInspector
{
    private const int MaxDepth = 3;

    public static string Inspect(object? value)
    {
        var builder = new StringBuilder();
        Append(builder, value, 0);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, object? value, int depth)
    {
        switch (value)
        {
            case null:
                builder.Append("null");
                return;
            case string s:
                builder.Append(JsonSerializer.Serialize(s));
                return;
            case bool b:
                builder.Append(b ? "true" : "false");
                return;
            case double d:
                builder.Append(FormatDouble(d));
                return;
            case float f:
                builder.Append(FormatDouble(f));
                return;
            case IFormattable formattable when IsNumber(value):
                builder.Append(formattable.ToString(null, CultureInfo.InvariantCulture));
                return;
            case JsonElement element:
                builder.Append(element.ValueKind == JsonValueKind.String ? JsonSerializer.Serialize(element.GetString()) : element.GetRawText());
                return;
        }
        if (depth >= MaxDepth)
        {
            builder.Append("...");
            return;
        }
        switch (value)
        {
            case IEnumerable<KeyValuePair<string, object?>> map:
            {
                builder.Append('{');
                var first = true;
                foreach (var (key, item) in map)
                {
                    builder.Append(first ? " " : ", ").Append(key).Append(": ");
                    Append(builder, item, depth + 1);
                    first = false;
                }
                builder.Append(first ? "}" : " }");
                return;
            }
            case IEnumerable list:
            {
                builder.Append('[');
                var first = true;
                foreach (var item in list)
                {
                    if (!first)
                    {
                        builder.Append(", ");
                    }
                    Append(builder, item, depth + 1);
                    first = false;
                }
                builder.Append(']');
                return;
            }
            case Enum e:
                builder.Append(e.ToString());
                return;
            default:
                builder.Append(Convert.ToString(value, CultureInfo.InvariantCulture) is { } text && text != value.GetType().ToString()
                    ? text
                    : "{}");
                return;
        }
    }

    internal static bool IsNumber(object value) =>
        value is int or long or short or byte or sbyte or ushort or uint or ulong or decimal or double or float;

    /// <summary>Formats a double the way JavaScript's <c>String(number)</c> does, which the reference messages use.</summary>
    internal static string FormatDouble(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }
        if (double.IsInfinity(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        if (value == 0)
        {
            return "0";
        }
        // Shortest digits that round-trip, then laid out by JavaScript's Number::toString rules.
        var shortest = value.ToString("R", CultureInfo.InvariantCulture);
        var negative = shortest.StartsWith('-');
        if (negative)
        {
            shortest = shortest[1..];
        }
        var exponentIndex = shortest.IndexOfAny(['E', 'e']);
        var mantissa = exponentIndex >= 0 ? shortest[..exponentIndex] : shortest;
        var exponent = exponentIndex >= 0 ? int.Parse(shortest[(exponentIndex + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : 0;
        var point = mantissa.IndexOf('.');
        var digits = point >= 0 ? mantissa.Remove(point, 1) : mantissa;
        var pointPosition = (point >= 0 ? point : mantissa.Length) + exponent;
        var leadingZeros = 0;
        while (leadingZeros < digits.Length - 1 && digits[leadingZeros] == '0')
        {
            leadingZeros++;
        }
        digits = digits[leadingZeros..];
        pointPosition -= leadingZeros;
        digits = digits.TrimEnd('0');
        if (digits.Length == 0)
        {
            return "0";
        }
        var k = digits.Length;
        var n = pointPosition;
        string result;
        if (k <= n && n <= 21)
        {
            result = digits + new string('0', n - k);
        }
        else if (0 < n && n <= 21)
        {
            result = digits[..n] + "." + digits[n..];
        }
        else if (-6 < n && n <= 0)
        {
            result = "0." + new string('0', -n) + digits;
        }
        else
        {
            var e = n - 1;
            var sign = e >= 0 ? "+" : "-";
            result = (k == 1 ? digits : digits[..1] + "." + digits[1..]) + "e" + sign + Math.Abs(e).ToString(CultureInfo.InvariantCulture);
        }
        return negative ? "-" + result : result;
    }
}
