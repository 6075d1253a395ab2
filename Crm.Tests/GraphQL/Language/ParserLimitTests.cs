using Crm.GraphQL.Language;

namespace Crm.Tests.GraphQL.Language;

/// <summary>
/// Hostile documents are refused with a syntax error instead of exhausting time, memory or the
/// stack. The sizes are chosen so that an implementation without the limit would overflow the
/// stack or take very long; the tests assert the refusal, not a duration.
/// </summary>
public sealed class ParserLimitTests
{
    [Fact]
    public void TenMegabyteDocument_IsRefusedBeforeLexing()
    {
        // The text is not even valid GraphQL: refusing it with a length error proves nothing was lexed.
        var source = new string('?', 10 * 1024 * 1024);

        var error = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse(source));

        Assert.Contains("10485760 characters long, more than the maximum of 1000000", error.Message, StringComparison.Ordinal);
        Assert.Equal((1, 1), (error.Line, error.Column));
    }

    [Fact]
    public void DocumentLength_IsConfigurable()
    {
        var options = new ParserOptions { MaxDocumentLength = 10 };

        Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse("{ abcdefghi }", options));
        Assert.Single(Parser.Parse("{ abcdef }", options).Definitions);
    }

    [Theory]
    [InlineData("{ a(x: ", "[", "")]
    [InlineData("{ a(x: ", "{a: ", "")]
    [InlineData("query ($v: ", "[", "")]
    [InlineData("", "{ a ", "")]
    public void HundredThousandNestedBrackets_AreRefusedAtTheDepthLimit(string prefix, string open, string suffix)
    {
        var source = prefix + string.Concat(Enumerable.Repeat(open, 100_000)) + suffix;

        var error = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse(source, new ParserOptions { MaxTokens = int.MaxValue }));

        Assert.Equal("Syntax Error: Document nests deeper than the maximum depth of 200. Parsing aborted.", error.Message);
    }

    [Fact]
    public void Depth_UpToTheLimit_IsAccepted_AndOneMoreIsRefused()
    {
        static string Nested(int depth) => string.Concat(Enumerable.Repeat("{ a ", depth)) + new string('}', depth);

        Assert.Single(Parser.Parse(Nested(200)).Definitions);
        Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse(Nested(201)));
        Assert.Single(Parser.Parse(Nested(201), new ParserOptions { MaxRecursionDepth = 201 }).Definitions);
    }

    [Fact]
    public void Fields_BeyondTheLimit_AreRefused()
    {
        static string Fields(int count) => "{ " + string.Join(' ', Enumerable.Range(0, count).Select(i => "f" + i)) + " }";

        Assert.Single(Parser.Parse(Fields(2048)).Definitions);
        var error = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse(Fields(2049)));
        Assert.Equal("Syntax Error: Document contains more than 2048 fields. Parsing aborted.", error.Message);
        Assert.Equal(FieldColumn(2048), error.Column);
        Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse(Fields(11), new ParserOptions { MaxFields = 10 }));
    }

    [Fact]
    public void Tokens_BeyondTheLimit_AreRefused()
    {
        var source = "{ a(x: [" + string.Join(", ", Enumerable.Repeat("1", 20_000)) + "]) }";

        var error = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse(source));

        Assert.Equal("Syntax Error: Document contains more than 15000 tokens. Parsing aborted.", error.Message);
        Assert.Single(Parser.Parse(source, new ParserOptions { MaxTokens = 20_010 }).Definitions);
    }

    private static int FieldColumn(int index) => 3 + Enumerable.Range(0, index).Sum(i => ("f" + i).Length + 1);
}
