using Crm.GraphQL.Types;

namespace Crm.Tests.GraphQL.Execution;

public sealed class SelectionTests
{
    private sealed record Dog(string Name, bool Barks);

    private sealed record Cat(string Name, int Lives);

    private sealed record Robot(string Model);

    private static SchemaBuilder Builder() => new SchemaBuilder()
        .Query(q => q
            .Field("pets", "[Pet!]!", _ => new object[] { new Dog("Rex", true), new Cat("Tom", 9) })
            .Field("things", "[Thing!]!", _ => new object[] { new Dog("Rex", true), new Robot("R2") })
            .Field("dict", "Thing", _ => new Dictionary<string, object?> { ["__typename"] = "Robot", ["model"] = "T-800" })
            .Field("stray", "Pet", _ => new Robot("not a pet")))
        .Interface("Pet", t => t.Field("name", "String!"))
        .Type<Dog>("Dog", t => t.Implements("Pet").Field("name", "String!").Field("barks", "Boolean!"))
        .Type<Cat>("Cat", t => t.Implements("Pet").Field("name", "String!").Field("lives", "Int!"))
        .Type("Robot", t => t.Field("model", "String!").IsTypeOf(v => v is Robot || v is IReadOnlyDictionary<string, object?>))
        .Union("Thing", "Dog", "Robot");

    [Fact]
    public async Task Interface_ResolvesObjectTypesByClrType_WithInlineFragmentsAndTypename()
    {
        var json = await Run.Json(Builder().Build(), "{ pets { __typename name ... on Dog { barks } ... on Cat { lives } } }");

        Assert.Equal(Run.Expect("{'data':{'pets':[{'__typename':'Dog','name':'Rex','barks':true},{'__typename':'Cat','name':'Tom','lives':9}]}}"), json);
    }

    [Fact]
    public async Task Union_ResolvesByClrTypeOrIsTypeOf_AndByTypenameEntry()
    {
        var json = await Run.Json(Builder().Build(), "{ things { ... on Dog { name } ... on Robot { model } } dict { __typename ... on Robot { model } } }");

        Assert.Equal(Run.Expect("{'data':{'things':[{'name':'Rex'},{'model':'R2'}],'dict':{'__typename':'Robot','model':'T-800'}}}"), json);
    }

    [Fact]
    public async Task ResolveTypeDelegate_WinsOverClrBinding()
    {
        var schema = Builder().Interface("Pet", t => t.ResolveType(_ => "Cat")).Build();

        var json = await Run.Json(schema, "{ pets { __typename } }");

        Assert.Equal(Run.Expect("{'data':{'pets':[{'__typename':'Cat'},{'__typename':'Cat'}]}}"), json);
    }

    [Fact]
    public async Task ValueOfNoPossibleType_IsAFieldError()
    {
        var result = await Run.Execute(Builder().Build(), "{ stray { name } }");

        Assert.Null(result.Data!["stray"]);
        Assert.StartsWith("Abstract type \"Pet\" must resolve to an Object type at runtime for field \"Query.stray\".", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FragmentSpreads_MergeFieldsInFirstSeenOrder()
    {
        const string query = """
            query { pets { ...Names ... on Cat { lives name } } }
            fragment Names on Pet { name ... on Dog { barks } }
            """;

        var json = await Run.Json(Builder().Build(), query);

        Assert.Equal(Run.Expect("{'data':{'pets':[{'name':'Rex','barks':true},{'name':'Tom','lives':9}]}}"), json);
    }

    [Fact]
    public async Task SameResponseKeyFromSeveralSelections_MergesSubSelections()
    {
        var json = await Run.Json(Builder().Build(), "{ pets { ... on Dog { name } } pets { ... on Dog { barks } } }");

        Assert.Equal(Run.Expect("{'data':{'pets':[{'name':'Rex','barks':true},{}]}}"), json);
    }

    [Theory]
    [InlineData("{ pets { name @skip(if: true) } }", "{'data':{'pets':[{},{}]}}")]
    [InlineData("{ pets { name @include(if: false) } }", "{'data':{'pets':[{},{}]}}")]
    [InlineData("{ pets { name @skip(if: false) @include(if: true) } }", "{'data':{'pets':[{'name':'Rex'},{'name':'Tom'}]}}")]
    [InlineData("{ pets { name @skip(if: true) @include(if: true) } }", "{'data':{'pets':[{},{}]}}")]
    [InlineData("{ pets { ... on Dog @skip(if: true) { barks } name } }", "{'data':{'pets':[{'name':'Rex'},{'name':'Tom'}]}}")]
    public async Task SkipAndInclude_WithLiterals(string query, string expected) =>
        Assert.Equal(Run.Expect(expected), await Run.Json(Builder().Build(), query));

    [Fact]
    public async Task SkipAndInclude_WithVariables_UseTheRequestsValues_EvenWhenThePlanIsCached()
    {
        var executor = new Crm.GraphQL.Execution.GraphQLExecutor(Builder().Build());
        const string query = "query($skip: Boolean!, $with: Boolean!) { pets { name @skip(if: $skip) ...Extra @include(if: $with) } } fragment Extra on Pet { __typename }";

        async Task<string> Execute(bool skip, bool with) =>
            Run.Normalize((await executor.ExecuteAsync(new Crm.GraphQL.Execution.GraphQLRequest(query, Variables: Run.Variables(new { skip, with })))).ToJson());

        Assert.Equal(Run.Expect("{'data':{'pets':[{'name':'Rex'},{'name':'Tom'}]}}"), await Execute(false, false));
        Assert.Equal(Run.Expect("{'data':{'pets':[{'__typename':'Dog'},{'__typename':'Cat'}]}}"), await Execute(true, true));
        Assert.Equal(Run.Expect("{'data':{'pets':[{'name':'Rex'},{'name':'Tom'}]}}"), await Execute(false, false));
        Assert.Equal(Run.Expect("{'data':{'pets':[{},{}]}}"), await Execute(true, false));
        Assert.Equal(1, executor.DocumentParseCount);
    }
}
