using Crm.GraphQL.Execution;
using Crm.GraphQL.Types;

namespace Crm.Tests.GraphQL;

/// <summary>The schema of Crm.GraphQL/README.md, kept honest: it builds and answers as the README says.</summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public async Task ReadmeSchema_AnswersAsTheReadmeSays()
    {
        var schema = new SchemaBuilder()
            .Query(q => q
                .Field("hello", "String!", f => f
                    .Description("Greets someone.")
                    .Argument("name", "String", "world")
                    .Resolve(ctx => $"Hello, {ctx.Argument<string>("name")}!"))
                .Field("book", "Book", ctx => new Book("Dune", 1965)))
            .Type<Book>("Book", t => t
                .Field("title", "String!")
                .Field("year", "Int!"))
            .Build();

        var result = await new GraphQLExecutor(schema, ExecutorOptions.Default).ExecuteAsync(new GraphQLRequest("{ hello book { title } }"));

        Assert.Equal("""{"data":{"hello":"Hello, world!","book":{"title":"Dune"}}}""", result.ToJson());
    }

    private sealed record Book(string Title, int Year);
}
