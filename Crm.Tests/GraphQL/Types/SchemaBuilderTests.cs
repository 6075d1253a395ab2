using System.Text.Json;
using Crm.GraphQL.Types;
using Crm.Tests.GraphQL.Execution;

namespace Crm.Tests.GraphQL.Types;

public sealed class SchemaBuilderTests
{
    private enum CaseStatus
    {
        Open,
        InProgress,
        Closed,
    }

    private sealed record NewCase(string Title, CaseStatus Status, string[] Tags, int Priority = 3);

    private sealed class Account
    {
        public string DisplayName { get; init; } = "";

        public string Secret() => "s3-" + DisplayName.Length;
    }

    [Fact]
    public async Task CodeFirst_SupportsSyncTaskAndValueTaskResolvers_AndTypeObjects()
    {
        var schema = new SchemaBuilder()
            .Query(q => q
                .Field("sync", "Int!", _ => 1)
                .Field("task", "String!", async _ =>
                {
                    await Task.Yield();
                    return "t";
                })
                .Field("valueTask", "Boolean!", _ => ValueTask.FromResult(true))
                .Field("when", new NonNullType(ScalarType.DateTime), f => f.Resolve(_ => new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero))))
            .Build();

        var json = await Run.Json(schema, "{ sync task valueTask when }");

        Assert.Equal(Run.Expect("{'data':{'sync':1,'task':'t','valueTask':true,'when':'2024-01-02T03:04:05.000Z'}}"), json);
        Assert.Contains("scalar DateTime @specifiedBy(url: \"https://scalars.graphql.org/andimarek/date-time\")", SchemaPrinter.Print(schema), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClrEnums_AndInputObjects_ConvertToTypedArguments()
    {
        NewCase? received = null;
        var schema = new SchemaBuilder()
            .Query(q => q.Field("status", "CaseStatus!", f => f.Argument("is", "CaseStatus!").Resolve(ctx => ctx.Argument<CaseStatus>("is"))))
            .Mutation(m => m.Field("open", "String!", f => f
                .Argument("input", "NewCase!")
                .Resolve(ctx =>
                {
                    received = ctx.Argument<NewCase>("input");
                    return received.Title;
                })))
            .Enum<CaseStatus>()
            .InputObject("NewCase", i => i
                .Field("title", "String!")
                .Field("status", "CaseStatus", CaseStatus.Open)
                .Field("tags", "[String!]!")
                .Field("priority", "Int"))
            .Build();

        Assert.Equal(Run.Expect("{'data':{'status':'IN_PROGRESS'}}"), await Run.Json(schema, "{ status(is: IN_PROGRESS) }"));
        Assert.Equal(Run.Expect("{'data':{'open':'Broken'}}"), await Run.Json(schema, "mutation($t: [String!]!) { open(input: { title: \"Broken\", tags: $t }) }", "{\"t\": [\"x\", \"y\"]}"));
        Assert.NotNull(received);
        Assert.Equal("Broken", received.Title);
        Assert.Equal(CaseStatus.Open, received.Status);
        Assert.Equal(["x", "y"], received.Tags);
        Assert.Equal(3, received.Priority);
        Assert.Contains("enum CaseStatus {\n  OPEN\n  IN_PROGRESS\n  CLOSED\n}", SchemaPrinter.Print(schema), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SchemaFirst_BindsResolversByCoordinate_AndCodeCanExtendSdlTypes()
    {
        var schema = SchemaBuilder.FromSdl("""
                type Query { account: Account status: Status }
                type Account { displayName: String! secret: String }
                enum Status { OPEN IN_PROGRESS CLOSED }
                extend type Account { kind: String }
                """)
            .Resolve("Query.account", _ => new Account { DisplayName = "Ann" })
            .Resolve("Query.status", _ => CaseStatus.Closed)
            .Resolve("Account.kind", _ => "person")
            .BindEnum<CaseStatus>("Status")
            .Type("Query", q => q.Field("version", "Int!", _ => 2))
            .Build();

        var json = await Run.Json(schema, "{ account { displayName secret kind } status version }");

        Assert.Equal(Run.Expect("{'data':{'account':{'displayName':'Ann','secret':'s3-3','kind':'person'},'status':'CLOSED','version':2}}"), json);
    }

    [Fact]
    public async Task SdlOnlySchema_Executes_WithDefaultResolversOverDictionariesAndJson()
    {
        var schema = SchemaBuilder.FromSdl("""
            type Query { user: User json: User list: [User!]! }
            type User { name: String tags: [String] meta: Json }
            scalar Json
            """).Build();
        var root = new Dictionary<string, object?>
        {
            ["user"] = new Dictionary<string, object?> { ["name"] = "Ann", ["tags"] = new[] { "a" }, ["meta"] = new Dictionary<string, object?> { ["x"] = 1 } },
            ["json"] = JsonDocument.Parse("{\"name\":\"Bo\",\"tags\":[\"b\",null]}").RootElement,
            ["list"] = JsonDocument.Parse("[{\"name\":\"C\"}]").RootElement,
        };
        var executor = new Crm.GraphQL.Execution.GraphQLExecutor(schema);

        var result = await executor.ExecuteAsync(new Crm.GraphQL.Execution.GraphQLRequest("{ user { name tags meta } json { name tags } list { name } }") { RootValue = root });

        Assert.Equal(Run.Expect("{'data':{'user':{'name':'Ann','tags':['a'],'meta':{'x':1}},'json':{'name':'Bo','tags':['b',null]},'list':[{'name':'C'}]}}"), Run.Normalize(result.ToJson()));
    }

    [Fact]
    public async Task CustomScalarDeclaredInSdl_PassesValuesThrough()
    {
        var schema = SchemaBuilder.FromSdl("type Query { echo(value: Json): Json } scalar Json")
            .Resolve("Query.echo", ctx => ctx.Arguments["value"])
            .Build();

        Assert.Equal(Run.Expect("{'data':{'echo':{'a':[1,'two',true]}}}"), await Run.Json(schema, "{ echo(value: { a: [1, \"two\", true] }) }"));
        Assert.Equal(Run.Expect("{'data':{'echo':{'b':2.5}}}"), await Run.Json(schema, "query($v: Json) { echo(value: $v) }", "{\"v\": {\"b\": 2.5}}"));
    }

    [Fact]
    public async Task ScalarImplementation_CanBeSuppliedForAnSdlScalar()
    {
        var schema = SchemaBuilder.FromSdl("type Query { day(d: Date!): Date! } scalar Date")
            .Scalar(ScalarType.Date)
            .Resolve("Query.day", ctx => ctx.Argument<DateOnly>("d").AddDays(1))
            .Build();

        Assert.Equal(Run.Expect("{'data':{'day':'2024-03-01'}}"), await Run.Json(schema, "{ day(d: \"2024-02-29\") }"));
        Assert.Contains("Date cannot represent an invalid date string", (await Run.Execute(schema, "{ day(d: \"2024-02-30\") }")).Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CustomRootTypeNames_PrintASchemaDefinition()
    {
        var schema = new SchemaBuilder()
            .RootTypes("Root", mutation: "Change")
            .Type("Root", t => t.Field("a", "Int"))
            .Type("Change", t => t.Field("b", "Int"))
            .Build();

        Assert.Equal("Root", schema.QueryType.Name);
        Assert.Equal("Change", schema.MutationType!.Name);
        Assert.StartsWith("schema {\n  query: Root\n  mutation: Change\n}\n\ntype Root {", SchemaPrinter.Print(schema), StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidTypeReferenceString_IsRejectedImmediately() =>
        Assert.Contains("not a valid GraphQL type reference", Assert.Throws<ArgumentException>(() => new SchemaBuilder().Query(q => q.Field("a", "[Int"))).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("InProgress", "IN_PROGRESS")]
    [InlineData("Open", "OPEN")]
    [InlineData("HTTPStatus", "HTTP_STATUS")]
    [InlineData("already_snake", "ALREADY_SNAKE")]
    public void EnumValueNames_AreUpperSnakeCase(string member, string expected) =>
        Assert.Equal(expected, SchemaBuilder.EnumValueName(member));

    [Fact]
    public void Build_CanBeCalledAgain_ForAnEqualSchema()
    {
        var builder = SchemaBuilder.FromSdl("type Query { a: Int } extend type Query { b: Int }").Resolve("Query.b", _ => 1);

        var first = SchemaPrinter.Print(builder.Build());
        var second = SchemaPrinter.Print(builder.Build());

        Assert.Equal("type Query {\n  a: Int\n  b: Int\n}", first);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task LibraryScalars_AreAvailableByName()
    {
        var id = Guid.NewGuid();
        var schema = new SchemaBuilder()
            .Query(q => q
                .Field("id", "UUID!", _ => id)
                .Field("price", "Decimal!", f => f.Argument("amount", "Decimal!").Resolve(ctx => ctx.Argument<decimal>("amount") * 2)))
            .Build();

        var json = await Run.Json(schema, "{ id price(amount: \"0.10\") }");

        Assert.Equal(Run.Expect($"{{'data':{{'id':'{id}','price':0.20}}}}"), json);
        Assert.Same(ScalarType.Uuid, schema.GetType("UUID"));
        Assert.Contains("scalar UUID @specifiedBy(url: \"https://www.rfc-editor.org/rfc/rfc9562\")", SchemaPrinter.Print(schema), StringComparison.Ordinal);
    }
}
