using Crm.GraphQL.Language;

namespace Crm.Tests.GraphQL.Language;

public sealed class LexerTests
{
    [Fact]
    public void Punctuators_NamesAndNumbers_AreTokenizedWithPositions()
    {
        var tokens = Lex("! $ & ( ) ... : = @ [ ] { | } name _x9 12 -3.5e+2");

        Assert.Equal(
        [
            TokenKind.Bang, TokenKind.Dollar, TokenKind.Ampersand, TokenKind.ParenLeft, TokenKind.ParenRight, TokenKind.Spread,
            TokenKind.Colon, TokenKind.Equals, TokenKind.At, TokenKind.BracketLeft, TokenKind.BracketRight, TokenKind.BraceLeft,
            TokenKind.Pipe, TokenKind.BraceRight, TokenKind.Name, TokenKind.Name, TokenKind.Int, TokenKind.Float,
        ], tokens.Select(t => t.Token.Kind));
        Assert.Equal("...", tokens[5].Text);
        Assert.Equal("_x9", tokens[15].Text);
        Assert.Equal("-3.5e+2", tokens[17].Text);
        Assert.Equal(11, tokens[5].Token.Column);
    }

    [Fact]
    public void IgnoredTokens_BomWhitespaceCommasAndComments_AreSkipped_AndLinesCounted()
    {
        var tokens = Lex("\uFEFF  a,,b # comment , c\r\n\tc\rd\n\n  e");

        Assert.Equal(["a", "b", "c", "d", "e"], tokens.Select(t => t.Text));
        Assert.Equal([(1, 4), (1, 7), (2, 2), (3, 1), (5, 3)], tokens.Select(t => (t.Token.Line, t.Token.Column)));
    }

    [Theory]
    [InlineData("0", false)]
    [InlineData("-0", false)]
    [InlineData("9876543210", false)]
    [InlineData("0.0", true)]
    [InlineData("-1.25", true)]
    [InlineData("1e10", true)]
    [InlineData("1E-10", true)]
    [InlineData("0.5e+3", true)]
    public void Numbers_AreIntOrFloat(string source, bool isFloat)
    {
        var token = Assert.Single(Lex(source));

        Assert.Equal(isFloat ? TokenKind.Float : TokenKind.Int, token.Token.Kind);
        Assert.Equal(source, token.Text);
    }

    [Theory]
    [InlineData("01", "Invalid number, unexpected digit after 0: \"1\".", 2)]
    [InlineData("-00", "Invalid number, unexpected digit after 0: \"0\".", 3)]
    [InlineData("1.", "Invalid number, expected digit but got: <EOF>.", 3)]
    [InlineData("1.)", "Invalid number, expected digit but got: \")\".", 3)]
    [InlineData("1.e1", "Invalid number, expected digit but got: \"e\".", 3)]
    [InlineData("1e", "Invalid number, expected digit but got: <EOF>.", 3)]
    [InlineData("1e+", "Invalid number, expected digit but got: <EOF>.", 4)]
    [InlineData("1a", "Invalid number, expected digit but got: \"a\".", 2)]
    [InlineData("1_", "Invalid number, expected digit but got: \"_\".", 2)]
    [InlineData("1.5a", "Invalid number, expected digit but got: \"a\".", 4)]
    [InlineData("1.5.1", "Invalid number, expected digit but got: \".\".", 4)]
    [InlineData("-", "Invalid number, expected digit but got: <EOF>.", 2)]
    [InlineData("-a", "Invalid number, expected digit but got: \"a\".", 2)]
    [InlineData("0x1", "Invalid number, expected digit but got: \"x\".", 2)]
    [InlineData("1.\"", "Invalid number, expected digit but got: '\"'.", 3)]
    [InlineData("1.\u00e9", "Invalid number, expected digit but got: U+00E9.", 3)]
    public void MalformedNumbers_AreRefused(string source, string message, int column) =>
        AssertLexError(source, message, 1, column);

    [Theory]
    [InlineData("\"\"", "")]
    [InlineData("\"simple\"", "simple")]
    [InlineData("\" white space \"", " white space ")]
    [InlineData("\"quote \\\"\"", "quote \"")]
    [InlineData("\"escaped \\n\\r\\b\\t\\f\\/\\\\\"", "escaped \n\r\b\t\f/\\")]
    [InlineData("\"unicode \\u1234\\u5678\\u90AB\\uCDEF\"", "unicode \u1234\u5678\u90AB\uCDEF")]
    [InlineData("\"lower \\uabcd\"", "lower \uabcd")]
    [InlineData("\"variable \\u{1F600} \\u{41} \\u{000041}\"", "variable \U0001F600 A A")]
    [InlineData("\"pair \\uD83D\\uDE00\"", "pair \U0001F600")]
    [InlineData("\"raw \U0001F600 é\"", "raw \U0001F600 é")]
    [InlineData("\"control \u0007 kept\"", "control \u0007 kept")]
    [InlineData("\"max \\u{10FFFF}\"", "max \U0010FFFF")]
    public void Strings_ResolveEscapes(string source, string value)
    {
        var token = Assert.Single(Lex(source));

        Assert.Equal(TokenKind.String, token.Token.Kind);
        Assert.Equal(value, token.Token.Value);
    }

    [Theory]
    [InlineData("\"abc", "Unterminated string.", 5)]
    [InlineData("\"ab\nc\"", "Unterminated string.", 4)]
    [InlineData("\"ab\rc\"", "Unterminated string.", 4)]
    [InlineData("\"\\x\"", "Invalid character escape sequence: \"\\x\".", 2)]
    [InlineData("\"\\", "Invalid character escape sequence: \"\\\".", 2)]
    [InlineData("\"\\u12\")", "Invalid Unicode escape sequence: \"\\u12\")\".", 2)]
    [InlineData("\"\\uXXXX\"", "Invalid Unicode escape sequence: \"\\uXXXX\".", 2)]
    [InlineData("\"\\uD800\"", "Invalid Unicode escape sequence: \"\\uD800\".", 2)]
    [InlineData("\"\\uDE00\"", "Invalid Unicode escape sequence: \"\\uDE00\".", 2)]
    [InlineData("\"\\uD800\\u0041\"", "Invalid Unicode escape sequence: \"\\uD800\".", 2)]
    [InlineData("\"\\u{110000}\"", "Invalid Unicode escape sequence: \"\\u{110000}\".", 2)]
    [InlineData("\"\\u{D800}\"", "Invalid Unicode escape sequence: \"\\u{D800}\".", 2)]
    [InlineData("\"\\u{D83D}\\u{DE00}\"", "Invalid Unicode escape sequence: \"\\u{D83D}\".", 2)]
    [InlineData("\"\\u{}\"", "Invalid Unicode escape sequence: \"\\u{}\".", 2)]
    [InlineData("\"\\u{1F600\"", "Invalid Unicode escape sequence: \"\\u{1F600\"\".", 2)]
    [InlineData("\"\\u{00000000000041}\"", "Invalid Unicode escape sequence: \"\\u{000000000\".", 2)]
    [InlineData("\"\\u{FFFFFFFFF}\"", "Invalid Unicode escape sequence: \"\\u{FFFFFFFF\".", 2)]
    public void MalformedStrings_AreRefused(string source, string message, int column) =>
        AssertLexError(source, message, 1, column);

    [Theory]
    [InlineData("\"\"\"\"\"\"", "")]
    [InlineData("\"\"\"simple\"\"\"", "simple")]
    [InlineData("\"\"\" white space \"\"\"", " white space ")]
    [InlineData("\"\"\"contains \" quote\"\"\"", "contains \" quote")]
    [InlineData("\"\"\"contains \\\"\"\" triple quote\"\"\"", "contains \"\"\" triple quote")]
    [InlineData("\"\"\"multi\nline\"\"\"", "multi\nline")]
    [InlineData("\"\"\"multi\r\nline\r\nnormalized\"\"\"", "multi\nline\nnormalized")]
    [InlineData("\"\"\"multi\rline\"\"\"", "multi\nline")]
    [InlineData("\"\"\"unescaped \\n\\r\\b\\t\\f\\u1234\"\"\"", "unescaped \\n\\r\\b\\t\\f\\u1234")]
    [InlineData("\"\"\"slashes \\\\ \\/\"\"\"", "slashes \\\\ \\/")]
    [InlineData("\"\"\"\n\n    spans\n      multiple\n        lines\n\n    \"\"\"", "spans\n  multiple\n    lines")]
    [InlineData("\"\"\"  first line keeps its indent\n    second\"\"\"", "  first line keeps its indent\nsecond")]
    [InlineData("\"\"\"\n\t\tTabs\n\t\t\tcount too\n\"\"\"", "Tabs\n\tcount too")]
    [InlineData("\"\"\"   \n  \n\t\"\"\"", "")]
    [InlineData("\"\"\"\n  a\n\n  b\n \"\"\"", "a\n\nb")]
    [InlineData("\"\"\"\n  a\n b\"\"\"", " a\nb")]
    public void BlockStrings_FollowBlockStringValue(string source, string value)
    {
        var token = Assert.Single(Lex(source));

        Assert.Equal(TokenKind.BlockString, token.Token.Kind);
        Assert.Equal(value, token.Token.Value);
    }

    [Fact]
    public void BlockString_AdvancesLineCount_ForTokensAfterIt()
    {
        var tokens = Lex("a \"\"\"x\ny\r\nz\"\"\" b");

        Assert.Equal((1, 3), (tokens[1].Token.Line, tokens[1].Token.Column));
        Assert.Equal((3, 6), (tokens[2].Token.Line, tokens[2].Token.Column));
    }

    [Theory]
    [InlineData("\"\"\"abc", "Unterminated string.", 1, 7)]
    [InlineData("\"\"\"abc\n\nde\"\"", "Unterminated string.", 3, 5)]
    public void MalformedBlockStrings_AreRefused(string source, string message, int line, int column) =>
        AssertLexError(source, message, line, column);

    [Theory]
    [InlineData("?", "Unexpected character: \"?\".")]
    [InlineData("%", "Unexpected character: \"%\".")]
    [InlineData(".", "Unexpected character: \".\".")]
    [InlineData("..", "Unexpected character: \".\".")]
    [InlineData("..a", "Unexpected character: \".\".")]
    [InlineData("\u00e9", "Unexpected character: U+00E9.")]
    [InlineData("\u0007", "Unexpected character: U+0007.")]
    [InlineData("\u00a0", "Unexpected character: U+00A0.")]
    [InlineData("\U0001F600", "Unexpected character: U+1F600.")]
    [InlineData("'a'", "Unexpected single quote character ('), did you mean to use a double quote (\")?")]
    public void UnexpectedCharacters_AreRefused(string source, string message) =>
        AssertLexError(source, message, 1, 1);

    /// <summary>Lone surrogates are built here rather than in theory data, which cannot carry them.</summary>
    [Fact]
    public void LoneSurrogates_AreNoSourceCharacters()
    {
        var high = ((char)0xD800).ToString();
        var low = ((char)0xDC00).ToString();

        AssertLexError(high, "Invalid character: U+D800.", 1, 1);
        AssertLexError(low + "x", "Invalid character: U+DC00.", 1, 1);
        AssertLexError(low + high, "Invalid character: U+DC00.", 1, 1);
        AssertLexError("\"a " + high + " b\"", "Invalid character within String: U+D800.", 1, 4);
        AssertLexError("\"a " + low + "\"", "Invalid character within String: U+DC00.", 1, 4);
        AssertLexError("\"\"\"a\nb " + high + "\"\"\"", "Invalid character within String: U+D800.", 2, 3);
        // A comment ends before a lone surrogate, which the next token then reports.
        AssertLexError("# ok \U0001F600 then " + high, "Invalid character: U+D800.", 1, 14);
    }

    [Fact]
    public void Lookahead_DoesNotConsume()
    {
        var lexer = new Lexer("a b c");
        lexer.Advance();

        Assert.Equal("b", lexer.TextString(lexer.Lookahead()));
        Assert.Equal("a", lexer.TextString(lexer.Current));
        Assert.Equal("b", lexer.TextString(lexer.Advance()));
        Assert.Equal("c", lexer.TextString(lexer.Advance()));
        Assert.Equal(TokenKind.EndOfFile, lexer.Advance().Kind);
    }

    private static List<(Token Token, string Text)> Lex(string source)
    {
        var lexer = new Lexer(source);
        var tokens = new List<(Token, string)>();
        for (var token = lexer.Advance(); token.Kind != TokenKind.EndOfFile; token = lexer.Advance())
        {
            tokens.Add((token, lexer.TextString(token)));
        }
        return tokens;
    }

    private static void AssertLexError(string source, string message, int line, int column)
    {
        var error = Assert.Throws<GraphQLSyntaxException>(() => Lex(source));

        Assert.Equal("Syntax Error: " + message, error.Message);
        Assert.Equal((line, column), (error.Line, error.Column));
    }
}
