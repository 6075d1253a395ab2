using Crm.GraphQL.Types;

namespace Crm.Tests.GraphQL.Execution;

public sealed class BasicExecutionTests
{
    private sealed record Person(string Name, int Age, Person? Friend = null);

    private static Schema Schema() => new SchemaBuilder()
        .Query(q => q
            .Field("hello", "String!", ctx => "world")
            .Field("person", "Person", f => f
                .Argument("name", "String!")
                .Resolve(ctx => new Person(ctx.Argument<string>("name"), 42, new Person("Friend", 7))))
            .Field("slow", "Int!", async ctx =>
            {
                await Task.Yield();
                return 5;
            }))
        .Type("Person", t => t
            .Field("name", "String!")
            .Field("age", "Int!")
            .Field("friend", "Person"))
        .Build();

    [Fact]
    public async Task Query_ResolvesFieldsInSelectionOrder_WithAliases()
    {
        var json = await Run.Json(Schema(), "{ b: hello hello person(name: \"Ann\") { age name friend { name } } }");

        Assert.Equal(Run.Expect("{'data':{'b':'world','hello':'world','person':{'age':42,'name':'Ann','friend':{'name':'Friend'}}}}"), json);
    }

    [Fact]
    public async Task AsyncResolver_IsAwaited()
    {
        var json = await Run.Json(Schema(), "{ slow hello }");

        Assert.Equal(Run.Expect("{'data':{'slow':5,'hello':'world'}}"), json);
    }
}
