using System.Text.Json.Nodes;
using Crm.GraphQL.Execution;
using Crm.GraphQL.Types;
using Crm.Tests.GraphQL.Types;

namespace Crm.Tests.GraphQL.Execution;

public sealed class IntrospectionTests
{
    private static readonly string[] BuiltInScalars = ["Int", "Float", "String", "Boolean", "ID"];
    private static readonly string[] BuiltInDirectives = ["include", "skip", "deprecated", "specifiedBy", "oneOf"];
    private static readonly string[] DefaultTags = ["a"];

    private static Schema KitchenSink() => SchemaBuilder.FromSdl(TestFiles.Read("Types/TestData/kitchen-sink.graphql")).Build();

    [Fact]
    public async Task FullIntrospectionQuery_MatchesTheReferenceImplementation()
    {
        var result = await Run.Execute(KitchenSink(), TestFiles.Read("Execution/TestData/introspection-query.graphql"));
        Assert.Empty(result.Errors);

        var actual = Comparable(JsonNode.Parse(result.ToJson())!);
        var expected = Comparable(JsonNode.Parse(TestFiles.Read("Execution/TestData/kitchen-sink.introspection.json"))!);

        Assert.Equal(expected.ToJsonString(), actual.ToJsonString());
    }

    /// <summary>
    /// The parts both implementations must agree on: every type and directive of the schema, sorted by name.
    /// The wording of built-in descriptions and the definitions of the introspection types themselves
    /// are each implementation's own (the reference adds experimental directive deprecation).
    /// </summary>
    private static JsonObject Comparable(JsonNode response)
    {
        var schema = response["data"]!["__schema"]!.AsObject();
        var types = new JsonArray();
        foreach (var type in schema["types"]!.AsArray().OrderBy(t => (string)t!["name"]!, StringComparer.Ordinal))
        {
            var name = (string)type!["name"]!;
            if (name.StartsWith("__", StringComparison.Ordinal))
            {
                types.Add(JsonValue.Create(name));
                continue;
            }
            var copy = type.DeepClone().AsObject();
            if (BuiltInScalars.Contains(name))
            {
                copy["description"] = null;
            }
            types.Add(copy);
        }
        var directives = new JsonArray();
        foreach (var directive in schema["directives"]!.AsArray().OrderBy(d => (string)d!["name"]!, StringComparer.Ordinal))
        {
            var copy = directive!.DeepClone().AsObject();
            if (BuiltInDirectives.Contains((string)copy["name"]!))
            {
                copy["description"] = null;
                copy["locations"] = new JsonArray(copy["locations"]!.AsArray().Where(l => (string)l! != "DIRECTIVE_DEFINITION").Select(l => l!.DeepClone()).ToArray());
                foreach (var argument in copy["args"]!.AsArray())
                {
                    argument!["description"] = null;
                }
            }
            directives.Add(copy);
        }
        return new JsonObject
        {
            ["description"] = schema["description"]?.DeepClone(),
            ["queryType"] = schema["queryType"]!.DeepClone(),
            ["mutationType"] = schema["mutationType"]?.DeepClone(),
            ["subscriptionType"] = schema["subscriptionType"]?.DeepClone(),
            ["types"] = types,
            ["directives"] = directives,
        };
    }

    [Fact]
    public async Task IntrospectionTypes_HaveTheSeptember2025Shape()
    {
        const string query = """
            {
              type: __type(name: "__Type") { fields { name args { name defaultValue type { kind name ofType { kind name } } } type { kind name ofType { kind name } } } }
              field: __type(name: "__Field") { fields { name args { name } } }
              inputValue: __type(name: "__InputValue") { fields { name } }
              directive: __type(name: "__Directive") { fields { name args { name } } }
              schema: __type(name: "__Schema") { fields { name } }
              locations: __type(name: "__DirectiveLocation") { enumValues { name } }
              kinds: __type(name: "__TypeKind") { enumValues { name } }
            }
            """;

        var data = JsonNode.Parse((await Run.Execute(KitchenSink(), query)).ToJson())!["data"]!;

        string[] Names(string alias, string list = "fields") => data[alias]![list]!.AsArray().Select(f => (string)f!["name"]!).ToArray();
        Assert.Equal(["kind", "name", "description", "specifiedByURL", "fields", "interfaces", "possibleTypes", "enumValues", "inputFields", "ofType", "isOneOf"], Names("type"));
        Assert.Equal(["name", "description", "args", "type", "isDeprecated", "deprecationReason"], Names("field"));
        Assert.Equal(["name", "description", "type", "defaultValue", "isDeprecated", "deprecationReason"], Names("inputValue"));
        Assert.Equal(["name", "description", "isRepeatable", "locations", "args"], Names("directive"));
        Assert.Equal(["description", "types", "queryType", "mutationType", "subscriptionType", "directives"], Names("schema"));
        Assert.Equal(19, Names("locations", "enumValues").Length);
        Assert.Equal(["SCALAR", "OBJECT", "INTERFACE", "UNION", "ENUM", "INPUT_OBJECT", "LIST", "NON_NULL"], Names("kinds", "enumValues"));

        foreach (var withArgument in new[] { "fields", "enumValues", "inputFields" })
        {
            var field = data["type"]!["fields"]!.AsArray().Single(f => (string)f!["name"]! == withArgument)!;
            var argument = field["args"]!.AsArray().Single()!;
            Assert.Equal("includeDeprecated", (string)argument["name"]!);
            Assert.Equal("false", (string)argument["defaultValue"]!);
            Assert.Equal("{\"kind\":\"NON_NULL\",\"name\":null,\"ofType\":{\"kind\":\"SCALAR\",\"name\":\"Boolean\"}}", argument["type"]!.ToJsonString());
        }
        Assert.Equal(["includeDeprecated"], data["field"]!["fields"]!.AsArray().Single(f => (string)f!["name"]! == "args")!["args"]!.AsArray().Select(a => (string)a!["name"]!));
        Assert.Equal(["includeDeprecated"], data["directive"]!["fields"]!.AsArray().Single(f => (string)f!["name"]! == "args")!["args"]!.AsArray().Select(a => (string)a!["name"]!));
    }

    [Fact]
    public async Task IncludeDeprecated_FiltersFieldsArgumentsInputFieldsAndEnumValues()
    {
        const string query = """
            {
              root: __type(name: "Root") {
                fields { name }
                all: fields(includeDeprecated: true) { name }
                old: fields(includeDeprecated: true) { name args { name } allArgs: args(includeDeprecated: true) { name isDeprecated deprecationReason } }
              }
              filter: __type(name: "Filter") { inputFields { name } all: inputFields(includeDeprecated: true) { name } isOneOf }
              kind: __type(name: "Kind") { enumValues { name } all: enumValues(includeDeprecated: true) { name deprecationReason } }
              by: __type(name: "CustomerBy") { isOneOf }
              date: __type(name: "DateTime") { specifiedByURL }
            }
            """;

        var data = JsonNode.Parse((await Run.Execute(KitchenSink(), query)).ToJson())!["data"]!;

        var names = data["root"]!["fields"]!.AsArray().Select(f => (string)f!["name"]!).ToList();
        var all = data["root"]!["all"]!.AsArray().Select(f => (string)f!["name"]!).ToList();
        Assert.DoesNotContain("legacy", names);
        Assert.Contains("legacy", all);
        var old = data["root"]!["old"]!.AsArray().Single(f => (string)f!["name"]! == "old")!;
        Assert.Empty(old["args"]!.AsArray());
        Assert.Equal("{\"name\":\"flag\",\"isDeprecated\":true,\"deprecationReason\":\"Ignored.\"}", old["allArgs"]![0]!.ToJsonString());
        Assert.Equal(3, data["filter"]!["inputFields"]!.AsArray().Count);
        Assert.Equal(4, data["filter"]!["all"]!.AsArray().Count);
        Assert.False((bool)data["filter"]!["isOneOf"]!);
        Assert.True((bool)data["by"]!["isOneOf"]!);
        Assert.Equal(["CUSTOMER", "CASE", "PARTNER"], data["kind"]!["enumValues"]!.AsArray().Select(v => (string)v!["name"]!));
        Assert.Equal("Leads became customers.", (string)data["kind"]!["all"]![2]!["deprecationReason"]!);
        Assert.Equal("https://scalars.graphql.org/andimarek/date-time", (string)data["date"]!["specifiedByURL"]!);
    }

    [Fact]
    public async Task TypeMetaField_ReturnsNullForUnknownNames_AndTypenameWorksOnTheRoot()
    {
        var json = await Run.Json(KitchenSink(), "{ __typename __type(name: \"Nope\") { name } }");

        Assert.Equal(Run.Expect("{'data':{'__typename':'Root','__type':null}}"), json);
    }

    [Fact]
    public async Task Introspection_CanBeDisabled()
    {
        var result = await Run.Execute(KitchenSink(), "{ __type(name: \"Root\") { name } __typename }", options: new ExecutorOptions { EnableIntrospection = false });

        Assert.Equal("Introspection is not allowed.", Assert.Single(result.Errors).Message);
        Assert.Equal("Root", result.Data!["__typename"]);
        Assert.Null(result.Data["__type"]);
    }

    [Fact]
    public async Task CodeFirstSchema_IntrospectsDefaultsAndDeprecations()
    {
        var schema = new SchemaBuilder()
            .Query(q => q.Field("search", "[String!]!", f => f
                .Argument("first", "Int", 10)
                .Argument("order", "Order", Order.NewestFirst)
                .Argument("filter", "Filter", a => a.DefaultValue(new Dictionary<string, object?> { ["tags"] = DefaultTags }).Description("What to match."))
                .Deprecated("Use find.")
                .Resolve(_ => Array.Empty<string>())))
            .Enum<Order>()
            .InputObject("Filter", i => i.Field("tags", "[String!]").Field("limit", "Int", 5))
            .Build();

        var data = JsonNode.Parse((await Run.Execute(schema, "{ __type(name: \"Query\") { fields(includeDeprecated: true) { name deprecationReason args { name defaultValue description } } } }")).ToJson())!["data"]!;

        var field = data["__type"]!["fields"]![0]!;
        Assert.Equal("Use find.", (string)field["deprecationReason"]!);
        Assert.Equal(["first", "order", "filter"], field["args"]!.AsArray().Select(a => (string)a!["name"]!));
        Assert.Equal(["10", "NEWEST_FIRST", "{ tags: [\"a\"] }"], field["args"]!.AsArray().Select(a => (string)a!["defaultValue"]!));
        Assert.Equal("What to match.", (string)field["args"]![2]!["description"]!);
        Assert.Contains("search(\n    first: Int = 10\n    order: Order = NEWEST_FIRST\n\n    \"\"\"What to match.\"\"\"\n    filter: Filter = { tags: [\"a\"] }\n  ): [String!]! @deprecated(reason: \"Use find.\")", SchemaPrinter.Print(schema), StringComparison.Ordinal);
    }

    private enum Order
    {
        NewestFirst,
        OldestFirst,
    }
}
