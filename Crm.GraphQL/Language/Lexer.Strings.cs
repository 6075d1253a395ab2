using System.Text;

namespace Crm.GraphQL.Language;

internal sealed partial class Lexer
{
    private Token ReadString(int start)
    {
        var source = _source;
        var position = start + 1;
        var chunkStart = position;
        StringBuilder? value = null;
        while (position < source.Length)
        {
            var c = source[position];
            if (c == '"')
            {
                var text = value is null
                    ? source.Substring(chunkStart, position - chunkStart)
                    : AppendChunk(value, source, chunkStart, position).ToString();
                return Produce(TokenKind.String, start, position + 1, text);
            }
            if (c == '\\')
            {
                value = AppendChunk(value, source, chunkStart, position);
                position = ReadEscape(position, value);
                chunkStart = position;
                continue;
            }
            if (c is '\n' or '\r')
            {
                break;
            }
            position = SkipSourceCharacter(position);
        }
        throw Error(position, "Unterminated string.");
    }

    /// <summary>Resolves the escape sequence at <paramref name="position"/> (its backslash) and returns the position after it.</summary>
    private int ReadEscape(int position, StringBuilder value)
    {
        var source = _source;
        var next = position + 1 < source.Length ? source[position + 1] : '\0';
        switch (next)
        {
            case '"': value.Append('"'); return position + 2;
            case '\\': value.Append('\\'); return position + 2;
            case '/': value.Append('/'); return position + 2;
            case 'b': value.Append('\b'); return position + 2;
            case 'f': value.Append('\f'); return position + 2;
            case 'n': value.Append('\n'); return position + 2;
            case 'r': value.Append('\r'); return position + 2;
            case 't': value.Append('\t'); return position + 2;
            case 'u' when position + 2 < source.Length && source[position + 2] == '{':
                return ReadVariableWidthUnicodeEscape(position, value);
            case 'u':
                return ReadFixedWidthUnicodeEscape(position, value);
            default:
                throw Error(position, $"Invalid character escape sequence: \"{Slice(position, 2)}\".");
        }
    }

    /// <summary><c>\u{1F600}</c>: any number of hex digits naming a Unicode scalar value.</summary>
    private int ReadVariableWidthUnicodeEscape(int position, StringBuilder value)
    {
        var source = _source;
        long codePoint = 0;
        // The error text quotes at most twelve characters of the escape, enough to show what went wrong.
        var size = 3;
        while (size < 12 && position + size < source.Length)
        {
            var c = source[position + size++];
            if (c == '}')
            {
                if (size < 5 || !IsScalarValue(codePoint))
                {
                    break;
                }
                value.Append(char.ConvertFromUtf32((int)codePoint));
                return position + size;
            }
            var digit = HexValue(c);
            codePoint = (codePoint << 4) | (uint)digit;
            if (digit < 0 || codePoint > int.MaxValue)
            {
                break;
            }
        }
        throw Error(position, $"Invalid Unicode escape sequence: \"{Slice(position, size)}\".");
    }

    /// <summary><c>\u0041</c>; a surrogate is only valid as a leading/trailing pair written as two escapes.</summary>
    private int ReadFixedWidthUnicodeEscape(int position, StringBuilder value)
    {
        var code = ReadHex4(position + 2);
        if (code >= 0 && IsScalarValue(code))
        {
            value.Append((char)code);
            return position + 6;
        }
        if (code is >= 0xD800 and <= 0xDBFF
            && position + 7 < _source.Length && _source[position + 6] == '\\' && _source[position + 7] == 'u')
        {
            var trailing = ReadHex4(position + 8);
            if (trailing is >= 0xDC00 and <= 0xDFFF)
            {
                value.Append((char)code).Append((char)trailing);
                return position + 12;
            }
        }
        throw Error(position, $"Invalid Unicode escape sequence: \"{Slice(position, 6)}\".");
    }

    private int ReadHex4(int position)
    {
        if (position + 4 > _source.Length)
        {
            return -1;
        }
        var result = 0;
        for (var i = 0; i < 4; i++)
        {
            var digit = HexValue(_source[position + i]);
            if (digit < 0)
            {
                return -1;
            }
            result = (result << 4) | digit;
        }
        return result;
    }

    private Token ReadBlockString(int start)
    {
        var source = _source;
        var line = _line;
        var column = start - _lineStart + 1;
        var position = start + 3;
        var chunkStart = position;
        StringBuilder? raw = null;
        while (position < source.Length)
        {
            var c = source[position];
            if (c == '"' && position + 2 < source.Length && source[position + 1] == '"' && source[position + 2] == '"')
            {
                var rawValue = raw is null
                    ? source.AsSpan(chunkStart, position - chunkStart)
                    : AppendChunk(raw, source, chunkStart, position).ToString().AsSpan();
                return ProduceMultiline(TokenKind.BlockString, start, position + 3, line, column, BlockString.Dedent(rawValue));
            }
            if (c == '\\' && position + 3 < source.Length
                && source[position + 1] == '"' && source[position + 2] == '"' && source[position + 3] == '"')
            {
                raw = AppendChunk(raw, source, chunkStart, position).Append("\"\"\"");
                position += 4;
                chunkStart = position;
                continue;
            }
            if (c == '\n')
            {
                position++;
                NewLine(position);
                continue;
            }
            if (c == '\r')
            {
                position += position + 1 < source.Length && source[position + 1] == '\n' ? 2 : 1;
                NewLine(position);
                continue;
            }
            position = SkipSourceCharacter(position);
        }
        throw Error(position, "Unterminated string.");
    }

    /// <summary>Steps over one source character inside a string; a lone surrogate is not one.</summary>
    private int SkipSourceCharacter(int position)
    {
        var c = _source[position];
        if (!char.IsSurrogate(c))
        {
            return position + 1;
        }
        if (IsSurrogatePairAt(position))
        {
            return position + 2;
        }
        throw Error(position, $"Invalid character within String: {DescribeCharAt(position)}.");
    }

    private string Slice(int position, int length) =>
        _source.Substring(position, Math.Min(length, _source.Length - position));

    private static bool IsScalarValue(long codePoint) =>
        codePoint is (>= 0 and <= 0xD7FF) or (>= 0xE000 and <= 0x10FFFF);

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'F' => c - 'A' + 10,
        >= 'a' and <= 'f' => c - 'a' + 10,
        _ => -1,
    };
}
