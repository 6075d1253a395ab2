using System.Globalization;
using System.Text;

namespace Crm.GraphQL.Language;

/// <summary>
/// Turns GraphQL source into tokens on demand, one token (plus one of lookahead) at a time, working
/// on indices into the source string so that scanning allocates nothing but token values.
/// </summary>
internal sealed partial class Lexer
{
    private readonly string _source;
    private readonly int _maxTokens;
    private int _position;
    private int _line = 1;
    private int _lineStart;
    private int _tokenCount;
    private Token _peeked;
    private bool _hasPeeked;

    public Lexer(string source, int maxTokens = int.MaxValue)
    {
        _source = source;
        _maxTokens = maxTokens;
        Current = new Token(TokenKind.StartOfFile, 0, 0, 1, 1);
    }

    public string Source => _source;

    /// <summary>The token the parser is looking at.</summary>
    public Token Current { get; private set; }

    /// <summary>Where the previously consumed token ended: the end of the node being built.</summary>
    public int PreviousEnd { get; private set; }

    /// <summary>Moves to the next token and returns it.</summary>
    public Token Advance()
    {
        PreviousEnd = Current.End;
        if (_hasPeeked)
        {
            _hasPeeked = false;
            Current = _peeked;
        }
        else
        {
            Current = ReadToken();
        }
        return Current;
    }

    /// <summary>The token after <see cref="Current"/>, without consuming anything.</summary>
    public Token Lookahead()
    {
        if (!_hasPeeked)
        {
            _peeked = Current.Kind == TokenKind.EndOfFile ? Current : ReadToken();
            _hasPeeked = true;
        }
        return _peeked;
    }

    /// <summary>The raw source text of a token.</summary>
    public ReadOnlySpan<char> Text(in Token token) => _source.AsSpan(token.Start, token.End - token.Start);

    /// <summary>The raw source text of a token as a string.</summary>
    public string TextString(in Token token) => _source.Substring(token.Start, token.End - token.Start);

    /// <summary>How an error message names a token: its kind, then its value for names, numbers and strings.</summary>
    public string Describe(in Token token) => token.Kind switch
    {
        TokenKind.Name or TokenKind.Int or TokenKind.Float => $"{token.Kind.Describe()} \"{TextString(token)}\"",
        TokenKind.String or TokenKind.BlockString => $"{token.Kind.Describe()} \"{token.Value}\"",
        _ => token.Kind.Describe(),
    };

    private Token ReadToken()
    {
        var source = _source;
        var position = _position;
        while (position < source.Length)
        {
            var c = source[position];
            switch (c)
            {
                case '\uFEFF' or '\t' or ' ' or ',':
                    position++;
                    continue;
                case '\n':
                    position++;
                    NewLine(position);
                    continue;
                case '\r':
                    position += position + 1 < source.Length && source[position + 1] == '\n' ? 2 : 1;
                    NewLine(position);
                    continue;
                case '#':
                    position = SkipComment(position);
                    continue;
                default:
                    break;
            }

            if (++_tokenCount > _maxTokens)
            {
                throw Error(position, $"Document contains more than {_maxTokens} tokens. Parsing aborted.");
            }

            var kind = c switch
            {
                '!' => TokenKind.Bang,
                '$' => TokenKind.Dollar,
                '&' => TokenKind.Ampersand,
                '(' => TokenKind.ParenLeft,
                ')' => TokenKind.ParenRight,
                ':' => TokenKind.Colon,
                '=' => TokenKind.Equals,
                '@' => TokenKind.At,
                '[' => TokenKind.BracketLeft,
                ']' => TokenKind.BracketRight,
                '{' => TokenKind.BraceLeft,
                '|' => TokenKind.Pipe,
                '}' => TokenKind.BraceRight,
                _ => TokenKind.StartOfFile,
            };
            if (kind != TokenKind.StartOfFile)
            {
                return Produce(kind, position, position + 1);
            }
            if (IsNameStart(c))
            {
                return Produce(TokenKind.Name, position, ScanName(position + 1));
            }
            if (c == '-' || IsDigit(c))
            {
                return ReadNumber(position);
            }
            switch (c)
            {
                case '.' when position + 2 < source.Length && source[position + 1] == '.' && source[position + 2] == '.':
                    return Produce(TokenKind.Spread, position, position + 3);
                case '"' when position + 2 < source.Length && source[position + 1] == '"' && source[position + 2] == '"':
                    return ReadBlockString(position);
                case '"':
                    return ReadString(position);
                case '\'':
                    throw Error(position, "Unexpected single quote character ('), did you mean to use a double quote (\")?");
                default:
                    throw Error(position, IsSourceCharacterAt(position)
                        ? $"Unexpected character: {DescribeCharAt(position)}."
                        : $"Invalid character: {DescribeCharAt(position)}.");
            }
        }

        _position = position;
        return new Token(TokenKind.EndOfFile, position, position, _line, position - _lineStart + 1);
    }

    private Token Produce(TokenKind kind, int start, int end, string? value = null)
    {
        _position = end;
        return new Token(kind, start, end, _line, start - _lineStart + 1, value);
    }

    /// <summary>Token line and column come from the line counter, so a token spanning lines (a block string) records where it started.</summary>
    private Token ProduceMultiline(TokenKind kind, int start, int end, int line, int column, string value)
    {
        _position = end;
        return new Token(kind, start, end, line, column, value);
    }

    private void NewLine(int lineStart)
    {
        _line++;
        _lineStart = lineStart;
    }

    private int SkipComment(int position)
    {
        var source = _source;
        position++;
        while (position < source.Length)
        {
            var c = source[position];
            if (c is '\n' or '\r')
            {
                break;
            }
            if (char.IsSurrogate(c))
            {
                if (!IsSurrogatePairAt(position))
                {
                    // A lone surrogate is not a source character; the next token reports it.
                    break;
                }
                position += 2;
                continue;
            }
            position++;
        }
        return position;
    }

    private int ScanName(int position)
    {
        var source = _source;
        while (position < source.Length && IsNameContinue(source[position]))
        {
            position++;
        }
        return position;
    }

    private Token ReadNumber(int start)
    {
        var source = _source;
        var position = start;
        var isFloat = false;
        if (source[position] == '-')
        {
            position++;
        }
        if (position < source.Length && source[position] == '0')
        {
            position++;
            if (position < source.Length && IsDigit(source[position]))
            {
                throw Error(position, $"Invalid number, unexpected digit after 0: {DescribeCharAt(position)}.");
            }
        }
        else
        {
            position = ReadDigits(position);
        }
        if (position < source.Length && source[position] == '.')
        {
            isFloat = true;
            position = ReadDigits(position + 1);
        }
        if (position < source.Length && source[position] is 'e' or 'E')
        {
            isFloat = true;
            position++;
            if (position < source.Length && source[position] is '+' or '-')
            {
                position++;
            }
            position = ReadDigits(position);
        }
        // A number must not run straight into a name or another dot: "1a" and "1.2.3" are errors, not two tokens.
        if (position < source.Length && (source[position] == '.' || IsNameStart(source[position])))
        {
            throw Error(position, $"Invalid number, expected digit but got: {DescribeCharAt(position)}.");
        }
        return Produce(isFloat ? TokenKind.Float : TokenKind.Int, start, position);
    }

    private int ReadDigits(int position)
    {
        var source = _source;
        if (position >= source.Length || !IsDigit(source[position]))
        {
            throw Error(position, $"Invalid number, expected digit but got: {DescribeCharAt(position)}.");
        }
        do
        {
            position++;
        }
        while (position < source.Length && IsDigit(source[position]));
        return position;
    }

    internal GraphQLSyntaxException Error(int position, string description) =>
        GraphQLSyntaxException.At(description, _line, position - _lineStart + 1);

    private bool IsSurrogatePairAt(int position) =>
        position + 1 < _source.Length && char.IsHighSurrogate(_source[position]) && char.IsLowSurrogate(_source[position + 1]);

    /// <summary>Whether the character at the position is a Unicode scalar value (a surrogate only as part of a pair).</summary>
    private bool IsSourceCharacterAt(int position) => !char.IsSurrogate(_source[position]) || IsSurrogatePairAt(position);

    /// <summary>Names a character for an error message: printable ASCII quoted, anything else as U+XXXX.</summary>
    private string DescribeCharAt(int position)
    {
        if (position >= _source.Length)
        {
            return TokenKind.EndOfFile.Describe();
        }
        var c = _source[position];
        if (c is >= ' ' and <= '~')
        {
            return c == '"' ? "'\"'" : $"\"{c}\"";
        }
        var codePoint = IsSurrogatePairAt(position) ? char.ConvertToUtf32(c, _source[position + 1]) : c;
        return "U+" + codePoint.ToString("X4", CultureInfo.InvariantCulture);
    }

    internal static bool IsNameStart(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a' || c == '_';

    internal static bool IsNameContinue(char c) => IsNameStart(c) || IsDigit(c);

    internal static bool IsDigit(char c) => (uint)(c - '0') <= 9;

    private static StringBuilder AppendChunk(StringBuilder? builder, string source, int start, int end) =>
        (builder ?? new StringBuilder(end - start + 16)).Append(source, start, end - start);
}
