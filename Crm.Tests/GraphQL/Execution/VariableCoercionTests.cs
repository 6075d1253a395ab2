using System.Globalization;
using Crm.GraphQL;
using Crm.GraphQL.Execution;
using Crm.GraphQL.Types;

namespace Crm.Tests.GraphQL.Execution;

public sealed class VariableCoercionTests
{
    private static readonly Schema Schema = SchemaBuilder.FromSdl("""
        type Query {
          arg(value: Int): String
          required(value: Int!): String
          defaulted(value: Int = 5): String
          list(value: [Int]): String
          input(value: In): String
          one(value: Pick): String
          color(value: Color): String
        }
        input In { a: Int! b: String = "bee" c: [In!] }
        input Pick @oneOf { id: ID name: String }
        enum Color { RED GREEN }
        """)
        .Resolve("Query.arg", Describe)
        .Resolve("Query.required", Describe)
        .Resolve("Query.defaulted", Describe)
        .Resolve("Query.list", Describe)
        .Resolve("Query.input", Describe)
        .Resolve("Query.one", Describe)
        .Resolve("Query.color", Describe)
        .Build();

    /// <summary>Shows whether the argument is absent, null or a value, so that the three stay distinguishable.</summary>
    private static string Describe(IResolverContext context) =>
        context.Arguments.TryGetValue("value", out var value) ? Show(value) : "absent";

    private static string Show(object? value) => value switch
    {
        null => "null",
        string s => "'" + s + "'",
        IReadOnlyDictionary<string, object?> map => "{" + string.Join(",", map.Select(p => p.Key + ":" + Show(p.Value))) + "}",
        IEnumerable<object?> list => "[" + string.Join(",", list.Select(Show)) + "]",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
    };

    private static async Task<string?> Field(string query, object? variables)
    {
        var result = await Run.Execute(Schema, query, variables);
        Assert.Empty(result.Errors);
        return (string?)result.Data!.Values.Single();
    }

    private static async Task<GraphQLError> RequestError(string query, object? variables)
    {
        var result = await Run.Execute(Schema, query, variables);
        Assert.False(result.HasData);
        return Assert.Single(result.Errors);
    }

    [Fact]
    public async Task AbsentVariable_LeavesTheArgumentAbsent()
    {
        Assert.Equal("absent", await Field("query($v: Int) { arg(value: $v) }", null));
        Assert.Equal("absent", await Field("query($v: Int) { arg(value: $v) }", new { }));
    }

    [Fact]
    public async Task ExplicitNullVariable_PassesNull() =>
        Assert.Equal("null", await Field("query($v: Int) { arg(value: $v) }", "{\"v\": null}"));

    [Fact]
    public async Task VariableDefault_AppliesOnlyWhenTheVariableIsAbsent()
    {
        Assert.Equal("3", await Field("query($v: Int = 3) { arg(value: $v) }", null));
        Assert.Equal("null", await Field("query($v: Int = 3) { arg(value: $v) }", "{\"v\": null}"));
        Assert.Equal("9", await Field("query($v: Int = 3) { arg(value: $v) }", new { v = 9 }));
    }

    [Fact]
    public async Task ArgumentDefault_AppliesWhenTheVariableIsAbsent_ButNotForExplicitNull()
    {
        Assert.Equal("5", await Field("query($v: Int) { defaulted(value: $v) }", null));
        Assert.Equal("null", await Field("query($v: Int) { defaulted(value: $v) }", "{\"v\": null}"));
        Assert.Equal("5", await Field("{ defaulted }", null));
    }

    [Fact]
    public async Task RequiredVariable_Missing_OrNull_IsARequestError()
    {
        var missing = await RequestError("query($v: Int!) { required(value: $v) }", null);
        Assert.Equal("Variable \"$v\" of required type \"Int!\" was not provided.", missing.Message);
        Assert.Equal(ErrorCodes.BadUserInput, missing.Code);
        Assert.Equal([new ErrorLocation(1, 7)], missing.Locations);

        var nullValue = await RequestError("query($v: Int!) { required(value: $v) }", "{\"v\": null}");
        Assert.Equal("Variable \"$v\" of non-null type \"Int!\" must not be null.", nullValue.Message);
    }

    [Fact]
    public async Task InvalidScalarVariable_NamesTheValueAndTheReason()
    {
        var error = await RequestError("query($v: Int) { arg(value: $v) }", "{\"v\": \"7\"}");

        Assert.Equal("Variable \"$v\" got invalid value \"7\"; Int cannot represent non-integer value: \"7\"", error.Message);
    }

    [Fact]
    public async Task NestedInvalidValue_ReportsItsPath()
    {
        var error = await RequestError("query($v: In) { input(value: $v) }", "{\"v\": {\"a\": 1, \"c\": [{\"a\": 2}, {\"a\": \"x\"}]}}");

        Assert.Equal("Variable \"$v\" got invalid value \"x\" at \"v.c[1].a\"; Int cannot represent non-integer value: \"x\"", error.Message);
    }

    [Fact]
    public async Task InputObjectVariable_FillsDefaults_AndRejectsUnknownOrMissingFields()
    {
        Assert.Equal("{a:1,b:'bee'}", await Field("query($v: In) { input(value: $v) }", new { v = new { a = 1 } }));
        Assert.Equal("{a:1,b:null}", await Field("query($v: In) { input(value: $v) }", "{\"v\": {\"a\": 1, \"b\": null}}"));
        Assert.Contains("Field \"zzz\" is not defined by type \"In\".", (await RequestError("query($v: In) { input(value: $v) }", new { v = new { a = 1, zzz = 2 } })).Message, StringComparison.Ordinal);
        Assert.Contains("Field \"a\" of required type \"Int!\" was not provided.", (await RequestError("query($v: In) { input(value: $v) }", new { v = new { b = "x" } })).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListVariable_AcceptsASingleValueAsAListOfOne()
    {
        Assert.Equal("[1,null,3]", await Field("query($v: [Int]) { list(value: $v) }", "{\"v\": [1, null, 3]}"));
        Assert.Equal("[4]", await Field("query($v: [Int]) { list(value: $v) }", new { v = 4 }));
        Assert.Equal("[4]", await Field("{ list(value: 4) }", null));
    }

    [Fact]
    public async Task VariablesInsideLiterals_AreSubstituted_AndAbsentOnesOmitted()
    {
        Assert.Equal("{a:2,b:'bee',c:[{a:3,b:'bee'}]}", await Field("query($x: Int!) { input(value: { a: $x, c: [{ a: 3 }], }) }", new { x = 2 }));
        Assert.Equal("{a:2,b:'bee'}", await Field("query($x: Int!, $b: String) { input(value: { a: $x, b: $b }) }", new { x = 2 }));
        Assert.Equal("[1,null]", await Field("query($y: Int) { list(value: [1, $y]) }", null));
    }

    [Fact]
    public async Task OneOfVariable_NeedsExactlyOneNonNullField()
    {
        Assert.Equal("{id:'7'}", await Field("query($v: Pick) { one(value: $v) }", new { v = new { id = "7" } }));
        Assert.Contains("Exactly one key must be specified for OneOf type \"Pick\".", (await RequestError("query($v: Pick) { one(value: $v) }", new { v = new { id = "7", name = "x" } })).Message, StringComparison.Ordinal);
        Assert.Contains("Field \"Pick.id\" must be non-null.", (await RequestError("query($v: Pick) { one(value: $v) }", "{\"v\": {\"id\": null}}")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnumVariable_AcceptsNames_RejectsOthers()
    {
        Assert.Equal("'GREEN'", await Field("query($v: Color) { color(value: $v) }", new { v = "GREEN" }));
        Assert.Contains("Value \"BLUE\" does not exist in \"Color\" enum.", (await RequestError("query($v: Color) { color(value: $v) }", new { v = "BLUE" })).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequiredArgument_GivenAnExplicitNullForAVariableWithDefault_IsAFieldError()
    {
        // A nullable variable with a default may stand where a non-null value is expected; an explicit null still fails at run time.
        var result = await Run.Execute(Schema, "query($v: Int = 3) { required(value: $v) }", "{\"v\": null}");

        Assert.True(result.HasData);
        var error = Assert.Single(result.Errors);
        Assert.Equal("Argument \"value\" of non-null type \"Int!\" must not be null.", error.Message);
        Assert.Equal(["required"], error.Path);
    }
}
