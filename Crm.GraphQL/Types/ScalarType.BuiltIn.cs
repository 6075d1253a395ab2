using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using Crm.GraphQL.Language;

namespace Crm.GraphQL.Types;

public abstract partial class ScalarType
{
    private static readonly ScalarType IntInstance = new IntScalar();
    private static readonly ScalarType FloatInstance = new FloatScalar();
    private static readonly ScalarType StringInstance = new StringScalar();
    private static readonly ScalarType BooleanInstance = new BooleanScalar();
    private static readonly ScalarType IdInstance = new IdScalar();

    /// <summary><c>Int</c>: a signed 32-bit integer.</summary>
    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The GraphQL specification names this scalar.")]
    public static ScalarType Int => IntInstance;

    /// <summary><c>Float</c>: a finite double-precision number.</summary>
    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The GraphQL specification names this scalar.")]
    public static ScalarType Float => FloatInstance;

    /// <summary><c>String</c>: UTF-8 text.</summary>
    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The GraphQL specification names this scalar.")]
    public static ScalarType String => StringInstance;

    /// <summary><c>Boolean</c>: true or false.</summary>
    public static ScalarType Boolean => BooleanInstance;

    /// <summary><c>ID</c>: a unique identifier, serialized as a string, accepted as a string or an integer.</summary>
    public static ScalarType ID => IdInstance;

    /// <summary>Whether the name is one of the five built-in scalars.</summary>
    public static bool IsBuiltInName(string name) => name is "Int" or "Float" or "String" or "Boolean" or "ID";

    /// <summary>The built-in scalar with the given name, or <see langword="null"/>.</summary>
    public static ScalarType? FromBuiltInName(string name) => name switch
    {
        "Int" => IntInstance,
        "Float" => FloatInstance,
        "String" => StringInstance,
        "Boolean" => BooleanInstance,
        "ID" => IdInstance,
        _ => null,
    };

    private sealed class IntScalar() : ScalarType("Int", "A signed 32-bit integer.")
    {
        // Boxes of small integers are shared so that serializing common values allocates nothing.
        private static readonly object[] SmallBoxes = CreateSmallBoxes();

        public override object Serialize(object value)
        {
            switch (value)
            {
                case int:
                    return value;
                case bool b:
                    return Box(b ? 1 : 0);
                case string s when s.Length > 0 && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed):
                    return FromDouble(parsed, Inspect(value));
                case long or ulong or uint or decimal or short or ushort or byte or sbyte:
                {
                    var m = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
                    if (decimal.Truncate(m) != m)
                    {
                        throw NonInteger(Inspect(value));
                    }
                    return m is >= int.MinValue and <= int.MaxValue ? Box((int)m) : throw OutOfRange(Inspect(value));
                }
                default:
                    return InputValues.TryGetDouble(value, out var d) ? FromDouble(d, Inspect(value)) : throw NonInteger(Inspect(value));
            }
        }

        public override object ParseValue(object value)
        {
            switch (value)
            {
                case int:
                    return value;
                case JsonElement { ValueKind: JsonValueKind.Number } e:
                    if (e.TryGetInt32(out var i))
                    {
                        return Box(i);
                    }
                    return FromDouble(InputValues.TryGetDouble(e, out var ed) ? ed : double.NaN, e.GetRawText());
                case bool or string or JsonElement:
                    throw NonInteger(Inspect(value));
                default:
                    // Serialize accepts more (booleans, numeric strings); input coercion takes numbers only.
                    return InputValues.TryGetDouble(value, out _) ? Serialize(value) : throw NonInteger(Inspect(value));
            }
        }

        public override object ParseLiteral(ValueNode literal)
        {
            if (literal is not IntValueNode node)
            {
                throw NonInteger(Print(literal));
            }
            if (int.TryParse(node.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i))
            {
                return Box(i);
            }
            throw OutOfRange(node.Value);
        }

        public override ValueNode ToLiteral(object value) => new IntValueNode(((int)Serialize(value)).ToString(CultureInfo.InvariantCulture));

        private static object FromDouble(double d, string display)
        {
            if (double.IsNaN(d) || double.IsInfinity(d) || Math.Truncate(d) != d)
            {
                throw NonInteger(display);
            }
            return d is > int.MaxValue or < int.MinValue ? throw OutOfRange(display) : Box((int)d);
        }

        private static CoercionException NonInteger(string display) => new($"Int cannot represent non-integer value: {display}");

        private static CoercionException OutOfRange(string display) => new($"Int cannot represent non 32-bit signed integer value: {display}");

        private static object Box(int value) => value is >= -128 and < 1024 ? SmallBoxes[value + 128] : value;

        private static object[] CreateSmallBoxes()
        {
            var boxes = new object[1024 + 128];
            for (var i = 0; i < boxes.Length; i++)
            {
                boxes[i] = i - 128;
            }
            return boxes;
        }
    }

    private sealed class FloatScalar() : ScalarType("Float", "A finite signed double-precision (IEEE 754) number.")
    {
        public override object Serialize(object value)
        {
            switch (value)
            {
                case double d:
                    return double.IsFinite(d) ? value : throw NonNumeric(value);
                case bool b:
                    return b ? 1.0 : 0.0;
                case string s when s.Length > 0 && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed):
                    return parsed;
                default:
                    return InputValues.TryGetDouble(value, out var n) && double.IsFinite(n) ? n : throw NonNumeric(value);
            }
        }

        public override object ParseValue(object value)
        {
            if (value is double d)
            {
                return double.IsFinite(d) ? value : throw NonNumeric(value);
            }
            if (value is not bool && value is not string && InputValues.TryGetDouble(value, out var n))
            {
                return double.IsFinite(n) ? n : throw NonNumeric(value is JsonElement e ? e.GetRawText() : value);
            }
            throw NonNumeric(value);
        }

        public override object ParseLiteral(ValueNode literal)
        {
            string text;
            switch (literal)
            {
                case IntValueNode i: text = i.Value; break;
                case FloatValueNode f: text = f.Value; break;
                default: throw new CoercionException($"Float cannot represent non numeric value: {Print(literal)}");
            }
            var d = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
            return double.IsFinite(d) ? d : throw new CoercionException($"Float cannot represent non numeric value: {text}");
        }

        private static CoercionException NonNumeric(object value) =>
            new($"Float cannot represent non numeric value: {(value is double d ? ValueInspector.FormatDouble(d) : Inspect(value))}");
    }

    private sealed class StringScalar() : ScalarType("String", "Text made of Unicode characters.")
    {
        public override object Serialize(object value) => value switch
        {
            string => value,
            bool b => b ? "true" : "false",
            char c => c.ToString(),
            double d when double.IsFinite(d) => ValueInspector.FormatDouble(d),
            float f when float.IsFinite(f) => ValueInspector.FormatDouble(f),
            _ when ValueInspector.IsNumber(value) && value is not double and not float => Convert.ToString(value, CultureInfo.InvariantCulture)!,
            _ => throw new CoercionException($"String cannot represent value: {Inspect(value)}"),
        };

        public override object ParseValue(object value) => value switch
        {
            string => value,
            JsonElement { ValueKind: JsonValueKind.String } e => e.GetString()!,
            _ => throw new CoercionException($"String cannot represent a non string value: {Inspect(value)}"),
        };

        public override object ParseLiteral(ValueNode literal) => literal is StringValueNode s
            ? s.Value
            : throw new CoercionException($"String cannot represent a non string value: {Print(literal)}");
    }

    private sealed class BooleanScalar() : ScalarType("Boolean", "Either `true` or `false`.")
    {
        private static readonly object True = true;
        private static readonly object False = false;

        public override object Serialize(object value)
        {
            if (value is bool b)
            {
                return b ? True : False;
            }
            if (value is not string && InputValues.TryGetDouble(value, out var d) && double.IsFinite(d))
            {
                return d != 0 ? True : False;
            }
            throw new CoercionException($"Boolean cannot represent a non boolean value: {Inspect(value)}");
        }

        public override object ParseValue(object value) => value switch
        {
            bool b => b ? True : False,
            JsonElement { ValueKind: JsonValueKind.True } => True,
            JsonElement { ValueKind: JsonValueKind.False } => False,
            _ => throw new CoercionException($"Boolean cannot represent a non boolean value: {Inspect(value)}"),
        };

        public override object ParseLiteral(ValueNode literal) => literal is BooleanValueNode b
            ? (b.Value ? True : False)
            : throw new CoercionException($"Boolean cannot represent a non boolean value: {Print(literal)}");
    }

    private sealed class IdScalar() : ScalarType("ID", "An opaque unique identifier, written as a string and accepted as a string or an integer.")
    {
        public override object Serialize(object value) => value switch
        {
            string => value,
            Guid g => g.ToString("D", CultureInfo.InvariantCulture),
            int or long or short or byte or sbyte or ushort or uint or ulong => Convert.ToString(value, CultureInfo.InvariantCulture)!,
            double d when double.IsFinite(d) && Math.Truncate(d) == d => ValueInspector.FormatDouble(d),
            decimal m when decimal.Truncate(m) == m => m.ToString("0", CultureInfo.InvariantCulture),
            _ => throw new CoercionException($"ID cannot represent value: {Inspect(value)}"),
        };

        public override object ParseValue(object value) => value switch
        {
            string => value,
            JsonElement { ValueKind: JsonValueKind.String } e => e.GetString()!,
            JsonElement { ValueKind: JsonValueKind.Number } e when e.TryGetInt64(out var l) => l.ToString(CultureInfo.InvariantCulture),
            int or long or short or byte or sbyte or ushort or uint or ulong => Convert.ToString(value, CultureInfo.InvariantCulture)!,
            _ => throw new CoercionException($"ID cannot represent value: {Inspect(value)}"),
        };

        public override object ParseLiteral(ValueNode literal) => literal switch
        {
            StringValueNode s => s.Value,
            IntValueNode i => i.Value,
            _ => throw new CoercionException($"ID cannot represent a non-string and non-integer value: {Print(literal)}"),
        };

        public override ValueNode ToLiteral(object value)
        {
            var text = (string)Serialize(value);
            // An integer-looking ID prints as an integer literal, as the reference implementation does.
            return text.Length > 0 && text.All(char.IsAsciiDigit) && (text.Length == 1 || text[0] != '0')
                ? new IntValueNode(text)
                : new StringValueNode(text, Block: false);
        }
    }
}
