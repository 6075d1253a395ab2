using System.Text;
using System.Text.Unicode;

namespace Crm.EventStore.Internal;

/// <summary>
/// The canonical JSON form the integrity hash covers. It depends on the JSON value only, so it is
/// the same for the JSON the store sends and for the jsonb text PostgreSQL gives back:
/// <list type="bullet">
/// <item>no whitespace; object members sorted by name (ordinal), a name twice is refused;</item>
/// <item>strings: <c>"</c> and <c>\</c> escaped, <c>\b \f \n \r \t</c>, other control characters as
/// <c>\u00xx</c> (lowercase hex), everything else as UTF-8;</item>
/// <item>numbers as PostgreSQL's numeric prints them: plain decimal notation with as many fraction
/// digits as the literal's scale (<c>1.0</c> stays <c>1.0</c>, <c>1e3</c> is <c>1000</c>,
/// <c>1.50e1</c> is <c>15.0</c>, <c>-0</c> is <c>0</c>).</item>
/// </list>
/// Values PostgreSQL cannot store (U+0000, unpaired surrogates, numbers out of numeric's range)
/// are refused with <see cref="ArgumentException"/>.
/// </summary>
internal static class CanonicalJson
{
    // PostgreSQL numeric: at most 131,072 digits before the point and a display scale of 16,383.
    private const long MaxIntegerDigits = 131_072;
    private const long MaxScale = 16_383;
    private const long MaxExponent = 1_000_000_000;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    [ThreadStatic]
    private static CanonicalJsonWriter? t_writer;

    /// <summary>Writes the canonical form of a UTF-8 JSON document.</summary>
    /// <exception cref="ArgumentException">The value cannot be stored by PostgreSQL, or has a member name twice.</exception>
    public static void Write(ReadOnlyMemory<byte> utf8Json, ByteBuffer output) =>
        (t_writer ??= new CanonicalJsonWriter()).Write(utf8Json.Span, output);

    /// <summary>The canonical form of a UTF-8 JSON document, as a new array.</summary>
    public static byte[] Canonicalize(ReadOnlyMemory<byte> utf8Json)
    {
        var output = new ByteBuffer(utf8Json.Length + 16);
        Write(utf8Json, output);
        return output.ToArray();
    }

    /// <summary>Writes UTF-8 text (already unescaped) as a string in canonical escaping.</summary>
    /// <exception cref="ArgumentException">The text holds U+0000 or is not valid UTF-8 (e.g. an encoded surrogate).</exception>
    public static void WriteUtf8String(ReadOnlySpan<byte> utf8, ByteBuffer output)
    {
        if (!Utf8.IsValid(utf8))
        {
            throw new ArgumentException("A JSON string holds an unpaired surrogate or invalid UTF-8, which is not valid Unicode and cannot be stored.");
        }
        output.Write((byte)'"');
        while (true)
        {
            // Every byte of a multi-byte character is >= 0x80, so only these bytes need escaping.
            var next = utf8.IndexOfAnyInRange((byte)0, (byte)0x1F);
            var quote = utf8.IndexOfAny((byte)'"', (byte)'\\');
            if (next < 0 || (quote >= 0 && quote < next))
            {
                next = quote;
            }
            if (next < 0)
            {
                output.Write(utf8);
                break;
            }
            output.Write(utf8[..next]);
            WriteEscape((char)utf8[next], output);
            utf8 = utf8[(next + 1)..];
        }
        output.Write((byte)'"');
    }

    /// <summary>Writes a string in canonical escaping.</summary>
    /// <exception cref="ArgumentException">The string holds U+0000 or an unpaired surrogate.</exception>
    public static void WriteString(string value, ByteBuffer output)
    {
        output.Write((byte)'"');
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c >= 0x20 && c != '"' && c != '\\')
            {
                continue;
            }
            WriteUtf8(value.AsSpan(start, i - start), output);
            start = i + 1;
            WriteEscape(c, output);
        }
        WriteUtf8(value.AsSpan(start), output);
        output.Write((byte)'"');
    }

    /// <summary>Writes the canonical escape of a control character, <c>"</c> or <c>\\</c>.</summary>
    private static void WriteEscape(char c, ByteBuffer output)
    {
        switch (c)
        {
            case '"':
                output.Write("\\\""u8);
                break;
            case '\\':
                output.Write("\\\\"u8);
                break;
            case '\b':
                output.Write("\\b"u8);
                break;
            case '\f':
                output.Write("\\f"u8);
                break;
            case '\n':
                output.Write("\\n"u8);
                break;
            case '\r':
                output.Write("\\r"u8);
                break;
            case '\t':
                output.Write("\\t"u8);
                break;
            case '\0':
                throw new ArgumentException("A JSON string holds the character U+0000, which PostgreSQL text and jsonb cannot store.");
            default:
                output.Write("\\u00"u8);
                output.Write((byte)HexDigit(c >> 4));
                output.Write((byte)HexDigit(c & 0xF));
                break;
        }
    }

    private static char HexDigit(int value) => (char)(value < 10 ? '0' + value : 'a' + value - 10);

    private static void WriteUtf8(ReadOnlySpan<char> text, ByteBuffer output)
    {
        if (text.IsEmpty)
        {
            return;
        }
        try
        {
            var span = output.GetSpan(StrictUtf8.GetMaxByteCount(text.Length));
            output.Advance(StrictUtf8.GetBytes(text, span));
        }
        catch (EncoderFallbackException ex)
        {
            throw new ArgumentException("A JSON string holds an unpaired surrogate, which is not valid Unicode and cannot be stored.", ex);
        }
    }

    /// <summary>Writes a JSON number literal the way PostgreSQL's numeric type prints it.</summary>
    /// <exception cref="ArgumentException">The number is outside what PostgreSQL's numeric can hold.</exception>
    public static void WriteNumber(ReadOnlySpan<byte> literal, ByteBuffer output)
    {
        var i = 0;
        var negative = literal[0] == '-';
        if (negative)
        {
            i++;
        }
        var integerStart = i;
        while (i < literal.Length && IsDigit(literal[i]))
        {
            i++;
        }
        var integerDigits = literal[integerStart..i];
        var fractionDigits = ReadOnlySpan<byte>.Empty;
        if (i < literal.Length && literal[i] == '.')
        {
            var fractionStart = ++i;
            while (i < literal.Length && IsDigit(literal[i]))
            {
                i++;
            }
            fractionDigits = literal[fractionStart..i];
        }
        long exponent = 0;
        if (i < literal.Length && (literal[i] == 'e' || literal[i] == 'E'))
        {
            i++;
            var exponentNegative = false;
            if (literal[i] == '+' || literal[i] == '-')
            {
                exponentNegative = literal[i] == '-';
                i++;
            }
            for (; i < literal.Length; i++)
            {
                exponent = (exponent * 10) + (literal[i] - '0');
                if (exponent > MaxExponent)
                {
                    throw OutOfRange(literal);
                }
            }
            if (exponentNegative)
            {
                exponent = -exponent;
            }
        }

        // The digits are integerDigits followed by fractionDigits, with the decimal point
        // pointPosition digits from their start (possibly before the first or after the last).
        long length = integerDigits.Length + fractionDigits.Length;
        var pointPosition = integerDigits.Length + exponent;
        var scale = Math.Max(0, fractionDigits.Length - exponent);
        var firstNonZero = 0;
        while (firstNonZero < length && Digit(integerDigits, fractionDigits, firstNonZero) == '0')
        {
            firstNonZero++;
        }
        var isZero = firstNonZero == length;
        var integerLength = isZero ? 0 : Math.Max(0, pointPosition - firstNonZero);
        if (scale > MaxScale || integerLength > MaxIntegerDigits)
        {
            throw OutOfRange(literal);
        }

        if (negative && !isZero)
        {
            output.Write((byte)'-');
        }
        if (integerLength == 0)
        {
            output.Write((byte)'0');
        }
        else
        {
            var end = Math.Min(pointPosition, length);
            for (var k = firstNonZero; k < end; k++)
            {
                output.Write(Digit(integerDigits, fractionDigits, k));
            }
            if (pointPosition > length)
            {
                output.WriteRepeated((byte)'0', (int)(pointPosition - length));
            }
        }
        if (scale > 0)
        {
            output.Write((byte)'.');
            for (var k = pointPosition; k < length; k++)
            {
                output.Write(k < 0 ? (byte)'0' : Digit(integerDigits, fractionDigits, k));
            }
        }
    }

    private static byte Digit(ReadOnlySpan<byte> integerDigits, ReadOnlySpan<byte> fractionDigits, long index) =>
        index < integerDigits.Length ? integerDigits[(int)index] : fractionDigits[(int)(index - integerDigits.Length)];

    private static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';

    private static ArgumentException OutOfRange(ReadOnlySpan<byte> literal)
    {
        var text = Encoding.UTF8.GetString(literal[..Math.Min(literal.Length, 40)]);
        return new ArgumentException($"The JSON number {text} is outside what PostgreSQL's numeric type can hold.");
    }
}
