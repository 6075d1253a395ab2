using Crm.GraphQL.Language;

namespace Crm.Tests.GraphQL.Language;

/// <summary>
/// The expected printouts in TestData were produced by the reference implementation's printer
/// (see oracle/print_expectations.py).
/// </summary>
public sealed class PrinterTests
{
    [Theory]
    [InlineData("executable")]
    [InlineData("schema")]
    public void KitchenSink_PrintsLikeTheReferencePrinter_AndRoundTrips(string name)
    {
        var source = LanguageTestData.Read(name + ".graphql");
        var expected = LanguageTestData.Read(name + ".printed.graphql").TrimEnd('\n');

        var document = Parser.Parse(source);
        var printed = Printer.Print(document);

        Assert.Equal(expected, printed);
        Assert.Equal(document, Parser.Parse(printed));
        Assert.Equal(printed, Printer.Print(Parser.Parse(printed)));
    }

    [Theory]
    [InlineData("", "\"\"\"\"\"\"")]
    [InlineData("simple", "\"\"\"simple\"\"\"")]
    [InlineData(" leading space", "\"\"\" leading space\"\"\"")]
    [InlineData("\ttab first", "\"\"\"\ttab first\"\"\"")]
    [InlineData("trailing quote\"", "\"\"\"\ntrailing quote\"\n\"\"\"")]
    [InlineData("trailing backslash\\", "\"\"\"\ntrailing backslash\\\n\"\"\"")]
    [InlineData("has \"\"\" triple", "\"\"\"has \\\"\"\" triple\"\"\"")]
    [InlineData("ends with \"\"\"", "\"\"\"\nends with \\\"\"\"\n\"\"\"")]
    [InlineData("two\nlines", "\"\"\"\ntwo\nlines\n\"\"\"")]
    [InlineData("first\n  indented second", "\"\"\"\nfirst\n  indented second\n\"\"\"")]
    [InlineData("a\n\nb", "\"\"\"\na\n\nb\n\"\"\"")]
    [InlineData("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "\"\"\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"\"\"")]
    [InlineData("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "\"\"\"\nxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n\"\"\"")]
    public void BlockStrings_PrintLikeTheReferencePrinter_AndParseBack(string value, string expected)
    {
        var printed = Printer.Print(new StringValueNode(value, Block: true));

        Assert.Equal(expected, printed);
        Assert.Equal(new StringValueNode(value, true), Parser.ParseValue(printed));
    }

    [Theory]
    [InlineData("  both\n  indented")]
    [InlineData("\nstarts with a line break")]
    [InlineData("ends with blank line\n  ")]
    public void BlockStringValues_ThatNoBlockStringCanHold_PrintAsOrdinaryStrings(string value)
    {
        var printed = Printer.Print(new StringValueNode(value, Block: true));

        Assert.StartsWith("\"", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("\"\"\"", printed, StringComparison.Ordinal);
        Assert.Equal(value, ((StringValueNode)Parser.ParseValue(printed)).Value);
    }

    [Fact]
    public void LoneSurrogates_PrintAsEscapes()
    {
        var value = "lone " + (char)0xD800 + " surrogate";

        Assert.Equal("\"lone \\uD800 surrogate\"", Printer.Print(new StringValueNode(value, Block: true)));
        Assert.Equal("\"lone \\uD800 surrogate\"", Printer.Print(new StringValueNode(value, Block: false)));
    }

    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("quote\" back\\ nl\n", "\"quote\\\" back\\\\ nl\\n\"")]
    [InlineData("\u0000\u001f\u007f\u009f\u00a0", "\"\\u0000\\u001F\\u007F\\u009F\u00a0\"")]
    [InlineData("\b\f\r\t", "\"\\b\\f\\r\\t\"")]
    [InlineData("é\U0001F600", "\"é\U0001F600\"")]
    public void Strings_EscapeLikeTheReferencePrinter(string value, string expected)
    {
        var printed = Printer.Print(new StringValueNode(value, Block: false));

        Assert.Equal(expected, printed);
        Assert.Equal(value, ((StringValueNode)Parser.ParseValue(printed)).Value);
    }

    [Fact]
    public void NodeBuiltInCode_NestedBeyondTheStack_IsRefusedCleanly()
    {
        var selectionSet = new SelectionSetNode([new FieldNode(null, new NameNode("leaf"), [], [], null)]);
        for (var i = 0; i < 100_000; i++)
        {
            selectionSet = new SelectionSetNode([new FieldNode(null, new NameNode("deep"), [], [], selectionSet)]);
        }

        Assert.Throws<InsufficientExecutionStackException>(() => Printer.Print(selectionSet));
    }

    [Fact]
    public void NodesBuiltInCode_PrintWithoutLocations()
    {
        var operation = new OperationDefinitionNode(
            OperationType.Mutation,
            new NameNode("M"),
            [new VariableDefinitionNode(new VariableNode(new NameNode("v")), new NonNullTypeNode(new NamedTypeNode(new NameNode("Int"))), new IntValueNode("1"), [])],
            [],
            new SelectionSetNode([new FieldNode(null, new NameNode("go"), [new ArgumentNode(new NameNode("v"), new VariableNode(new NameNode("v")))], [], null)]));

        Assert.Equal("mutation M($v: Int! = 1) {\n  go(v: $v)\n}", Printer.Print(operation));
    }
}
