using Crm.GraphQL;
using Crm.GraphQL.Execution;
using Crm.GraphQL.Types;

namespace Crm.Tests.GraphQL.Execution;

public sealed class PipelineTests
{
    private static Schema Schema() => new SchemaBuilder()
        .Query(q => q
            .Field("hello", "String", _ => "world")
            .Field("self", "Query!", _ => new object())
            .Field("hang", "String", async ctx =>
            {
                await Task.Delay(Timeout.Infinite, ctx.CancellationToken);
                return "never";
            }))
        .Build();

    [Fact]
    public async Task RepeatedDocument_IsParsedAndValidatedOnce()
    {
        var validations = 0;
        var executor = new GraphQLExecutor(Schema(), null, (_, _) =>
        {
            validations++;
            return [];
        });

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(Run.Expect("{'data':{'hello':'world'}}"), Run.Normalize((await executor.ExecuteAsync(new GraphQLRequest("{ hello }"))).ToJson()));
        }
        await executor.ExecuteAsync(new GraphQLRequest("{ self { hello } }"));

        Assert.Equal(2, executor.DocumentParseCount);
        Assert.Equal(2, validations);
    }

    [Fact]
    public async Task SyntaxError_IsARequestErrorWithLocation_AndIsCachedToo()
    {
        var executor = new GraphQLExecutor(Schema());

        var first = await executor.ExecuteAsync(new GraphQLRequest("{ hello "));
        var second = await executor.ExecuteAsync(new GraphQLRequest("{ hello "));

        Assert.False(first.HasData);
        var error = Assert.Single(first.Errors);
        Assert.StartsWith("Syntax Error:", error.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorCodes.ParseFailed, error.Code);
        Assert.Equal([new ErrorLocation(1, 9)], error.Locations);
        Assert.Equal(first.ToJson(), second.ToJson());
        Assert.Equal(1, executor.DocumentParseCount);
        Assert.DoesNotContain("\"data\"", first.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidationErrors_AreRequestErrors_WithTheValidationCode()
    {
        var executor = new GraphQLExecutor(Schema(), null, (_, _) => [new GraphQLError("Cannot query field \"nope\" on type \"Query\".", [new ErrorLocation(1, 3)])]);

        var result = await executor.ExecuteAsync(new GraphQLRequest("{ nope }"));

        Assert.Equal(Run.Expect("{'errors':[{'message':'Cannot query field \\u0022nope\\u0022 on type \\u0022Query\\u0022.','locations':[{'line':1,'column':3}],'extensions':{'code':'GRAPHQL_VALIDATION_FAILED'}}]}"), Run.Normalize(result.ToJson()));
    }

    [Theory]
    [InlineData("query A { hello } query B { hello }", null, "Must provide operation name if query contains multiple operations.")]
    [InlineData("query A { hello }", "C", "Unknown operation named \"C\".")]
    [InlineData("", null, "Must provide query string.")]
    public async Task OperationSelectionProblems_AreRequestErrors(string query, string? operationName, string message)
    {
        var result = await Run.Execute(Schema(), query, operationName: operationName);

        Assert.False(result.HasData);
        Assert.Equal(message, Assert.Single(result.Errors).Message);
    }

    [Fact]
    public async Task InvalidDocument_IsRefusedByValidation_BeforeExecution()
    {
        var result = await Run.Execute(Schema(), "mutation { hello } { nope }");

        Assert.False(result.HasData);
        Assert.True(result.Errors.Count >= 2);
        Assert.All(result.Errors, e => Assert.Equal(ErrorCodes.ValidationFailed, e.Code));
        Assert.Contains(result.Errors, e => e.Message == "Cannot query field \"nope\" on type \"Query\".");
    }

    [Fact]
    public async Task NamedOperation_IsSelectedByName()
    {
        var json = await Run.Json(Schema(), "query A { a: hello } query B { b: hello }", operationName: "B");

        Assert.Equal(Run.Expect("{'data':{'b':'world'}}"), json);
    }

    [Fact]
    public async Task OperationDeeperThanTheLimit_IsRefusedBeforeExecution()
    {
        var options = new ExecutorOptions { MaxExecutionDepth = 3 };

        var allowed = await Run.Execute(Schema(), "{ self { self { hello } } }", options: options);
        var refused = await Run.Execute(Schema(), "query Deep { self { ...F } } fragment F on Query { self { self { hello } } }", options: options);

        Assert.Empty(allowed.Errors);
        Assert.False(refused.HasData);
        var error = Assert.Single(refused.Errors);
        Assert.Equal("The operation has a depth of 4, which exceeds the allowed maximum of 3.", error.Message);
        Assert.Equal(ErrorCodes.MaxDepthExceeded, error.Code);
    }

    [Fact]
    public async Task SlowRequest_StopsAtTheTimeout_WithAnError()
    {
        var options = new ExecutorOptions { Timeout = TimeSpan.FromMilliseconds(100) };
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var result = await Run.Execute(Schema(), "{ hello hang }", options: options);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10));
        Assert.True(result.HasData);
        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCodes.Timeout, error.Code);
        Assert.Equal("The request exceeded the configured timeout of 0.1 seconds.", error.Message);
    }

    [Fact]
    public async Task CallerCancellation_Propagates()
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        var executor = new GraphQLExecutor(Schema(), new ExecutorOptions { Timeout = null });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => executor.ExecuteAsync(new GraphQLRequest("{ hang }"), cancellation.Token));
    }

    [Fact]
    public void OperationType_IsKnownWithoutExecuting()
    {
        var executor = new GraphQLExecutor(new SchemaBuilder()
            .Query(q => q.Field("a", "Int", _ => 1))
            .Mutation(m => m.Field("b", "Int", _ => 1))
            .Build());

        Assert.Equal(Crm.GraphQL.Language.OperationType.Mutation, executor.GetOperationType("query Q { a } mutation M { b }", "M"));
        Assert.Equal(Crm.GraphQL.Language.OperationType.Query, executor.GetOperationType("{ a }", null));
        Assert.Null(executor.GetOperationType("{ a", null));
        Assert.Null(executor.GetOperationType("query Q { a } mutation M { b }", null));
    }
}
