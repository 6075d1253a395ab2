using Crm.GraphQL.Language;

namespace Crm.Tests.GraphQL.Language;

public sealed class ParserErrorTests
{
    [Theory]
    [InlineData("", "Unexpected <EOF>.", 1, 1)]
    [InlineData("  \n  # only a comment", "Unexpected <EOF>.", 2, 19)]
    [InlineData("{", "Expected Name, found <EOF>.", 1, 2)]
    [InlineData("{ a } }", "Unexpected \"}\".", 1, 7)]
    [InlineData("{ a }\n{ b }x", "Unexpected Name \"x\".", 2, 6)]
    [InlineData("{}", "Expected Name, found \"}\".", 1, 2)]
    [InlineData("query", "Expected \"{\", found <EOF>.", 1, 6)]
    [InlineData("query Q() { a }", "Expected \"$\", found \")\".", 1, 9)]
    [InlineData("query Q($a) { a }", "Expected \":\", found \")\".", 1, 11)]
    [InlineData("query Q($a: ) { a }", "Expected Name, found \")\".", 1, 13)]
    [InlineData("query Q($a: [Int) { a }", "Expected \"]\", found \")\".", 1, 17)]
    [InlineData("query Q($a: Int!!) { a }", "Expected \"$\", found \"!\".", 1, 17)]
    [InlineData("query Q @d($a: Int) { a }", "Expected Name, found \"$\".", 1, 12)]
    [InlineData("query Q($x: Int = $y) { a }", "Unexpected variable \"$y\" in constant value.", 1, 19)]
    [InlineData("query Q($x: Int = $) { a }", "Unexpected \"$\".", 1, 19)]
    [InlineData("query Q($x: Int @d(a: $v)) { a }", "Unexpected variable \"$v\" in constant value.", 1, 23)]
    [InlineData("query { a(x: $ ) }", "Expected Name, found \")\".", 1, 16)]
    [InlineData("{ a(:1) }", "Expected Name, found \":\".", 1, 5)]
    [InlineData("{ a() }", "Expected Name, found \")\".", 1, 5)]
    [InlineData("{ a(b 1) }", "Expected \":\", found Int \"1\".", 1, 7)]
    [InlineData("{ a(b: ) }", "Unexpected \")\".", 1, 8)]
    [InlineData("{ a(x: 1)(y: 2) }", "Expected Name, found \"(\".", 1, 10)]
    [InlineData("{ a: }", "Expected Name, found \"}\".", 1, 6)]
    [InlineData("{ a { } }", "Expected Name, found \"}\".", 1, 7)]
    [InlineData("{ a(b: {c 1}) }", "Expected \":\", found Int \"1\".", 1, 11)]
    [InlineData("{ a(b: [1, }) }", "Unexpected \"}\".", 1, 12)]
    [InlineData("{ a(b: \"str\" \"x\") }", "Expected Name, found String \"x\".", 1, 14)]
    [InlineData("{ a(b: \"\"\"blk\"\"\" c) }", "Expected \":\", found \")\".", 1, 19)]
    [InlineData("{ a(b: 1.5 1) }", "Expected Name, found Int \"1\".", 1, 12)]
    [InlineData("{ ... }", "Expected \"{\", found \"}\".", 1, 7)]
    [InlineData("{ ...on }", "Expected Name, found \"}\".", 1, 9)]
    [InlineData("{ ...F @ }", "Expected Name, found \"}\".", 1, 10)]
    [InlineData("fragment on on T { a }", "Unexpected Name \"on\".", 1, 10)]
    [InlineData("fragment F T { a }", "Expected \"on\", found Name \"T\".", 1, 12)]
    [InlineData("fragment F on T", "Expected \"{\", found <EOF>.", 1, 16)]
    [InlineData("notAKeyword { a }", "Unexpected Name \"notAKeyword\".", 1, 1)]
    [InlineData("query Q { a } mutation", "Expected \"{\", found <EOF>.", 1, 23)]
    [InlineData("\"desc\" { a }", "Unexpected description, descriptions are not supported on shorthand queries.", 1, 1)]
    [InlineData("\"desc\" extend type T @d", "Unexpected description, descriptions are not supported on type extensions.", 1, 1)]
    [InlineData("\"desc\" 1", "Unexpected Int \"1\".", 1, 8)]
    [InlineData("\"desc\"", "Unexpected <EOF>.", 1, 7)]
    [InlineData("type T {}", "Expected Name, found \"}\".", 1, 9)]
    [InlineData("type T { a }", "Expected \":\", found \"}\".", 1, 12)]
    [InlineData("type T { a(): Int }", "Expected Name, found \")\".", 1, 12)]
    [InlineData("type T { a: Int = 1 }", "Expected Name, found \"=\".", 1, 17)]
    [InlineData("type T implements { a: Int }", "Expected Name, found \"{\".", 1, 19)]
    [InlineData("type T implements A & & B", "Expected Name, found \"&\".", 1, 23)]
    [InlineData("type T @d(a: $v) { a: Int }", "Unexpected variable \"$v\" in constant value.", 1, 14)]
    [InlineData("input I { a: Int = $v }", "Unexpected variable \"$v\" in constant value.", 1, 20)]
    [InlineData("enum E {}", "Expected Name, found \"}\".", 1, 9)]
    [InlineData("enum E { true }", "Name \"true\" is reserved and cannot be used for an enum value.", 1, 10)]
    [InlineData("enum E { false }", "Name \"false\" is reserved and cannot be used for an enum value.", 1, 10)]
    [InlineData("enum E { null }", "Name \"null\" is reserved and cannot be used for an enum value.", 1, 10)]
    [InlineData("union U = ", "Expected Name, found <EOF>.", 1, 11)]
    [InlineData("union U = A |", "Expected Name, found <EOF>.", 1, 14)]
    [InlineData("schema { }", "Expected Name, found \"}\".", 1, 10)]
    [InlineData("schema { query Q }", "Expected \":\", found Name \"Q\".", 1, 16)]
    [InlineData("schema { other: Q }", "Unexpected Name \"other\".", 1, 10)]
    [InlineData("schema { query: Q }  schema", "Expected \"{\", found <EOF>.", 1, 28)]
    [InlineData("scalar S @", "Expected Name, found <EOF>.", 1, 11)]
    [InlineData("directive @d on FOO", "Unexpected Name \"FOO\".", 1, 17)]
    [InlineData("directive @d on field", "Unexpected Name \"field\".", 1, 17)]
    [InlineData("directive @d repeatable on", "Expected Name, found <EOF>.", 1, 27)]
    [InlineData("directive @d", "Expected \"on\", found <EOF>.", 1, 13)]
    [InlineData("directive d on FIELD", "Expected \"@\", found Name \"d\".", 1, 11)]
    [InlineData("extend foo", "Unexpected Name \"foo\".", 1, 8)]
    [InlineData("extend", "Unexpected <EOF>.", 1, 7)]
    [InlineData("extend schema", "Unexpected <EOF>.", 1, 14)]
    [InlineData("extend scalar S", "Unexpected <EOF>.", 1, 16)]
    [InlineData("extend type T", "Unexpected <EOF>.", 1, 14)]
    [InlineData("extend interface I", "Unexpected <EOF>.", 1, 19)]
    [InlineData("extend union U", "Unexpected <EOF>.", 1, 15)]
    [InlineData("extend enum E", "Unexpected <EOF>.", 1, 14)]
    [InlineData("extend input I", "Unexpected <EOF>.", 1, 15)]
    [InlineData("extend type T { a: Int } extend", "Unexpected <EOF>.", 1, 32)]
    public void InvalidDocuments_AreRefused_WithLineAndColumn(string source, string message, int line, int column)
    {
        var error = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse(source));

        Assert.Equal("Syntax Error: " + message, error.Message);
        Assert.Equal((line, column), (error.Line, error.Column));
    }

    [Theory]
    [InlineData("", "Unexpected <EOF>.", 1)]
    [InlineData("1 2", "Expected <EOF>, found Int \"2\".", 3)]
    [InlineData("{a: 1", "Expected Name, found <EOF>.", 6)]
    [InlineData("[1, @]", "Unexpected \"@\".", 5)]
    public void ParseValue_RefusesAnythingButOneValue(string source, string message, int column)
    {
        var error = Assert.Throws<GraphQLSyntaxException>(() => Parser.ParseValue(source));

        Assert.Equal("Syntax Error: " + message, error.Message);
        Assert.Equal(column, error.Column);
    }

    [Theory]
    [InlineData("", "Expected Name, found <EOF>.", 1)]
    [InlineData("[Int", "Expected \"]\", found <EOF>.", 5)]
    [InlineData("Int!!", "Expected <EOF>, found \"!\".", 5)]
    [InlineData("!Int", "Expected Name, found \"!\".", 1)]
    public void ParseType_RefusesAnythingButOneType(string source, string message, int column)
    {
        var error = Assert.Throws<GraphQLSyntaxException>(() => Parser.ParseType(source));

        Assert.Equal("Syntax Error: " + message, error.Message);
        Assert.Equal(column, error.Column);
    }
}
