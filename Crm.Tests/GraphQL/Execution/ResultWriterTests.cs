using System.Buffers;
using System.Text;
using System.Text.Json;
using Crm.GraphQL;
using Crm.GraphQL.Execution;
using Crm.GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Tests.GraphQL.Execution;

public sealed class ResultWriterTests
{
    private static readonly int[][] Matrix = [[1, 2], [3]];

    [Fact]
    public async Task Response_IsWrittenToUtf8_ErrorsFirst_KeysInSelectionOrder_NumbersExact()
    {
        var schema = new SchemaBuilder()
            .Query(q => q
                .Field("z", "String", _ => "last letter, first key")
                .Field("amount", "Decimal", _ => 12345678901234567.89m)
                .Field("ratio", "Float", _ => 0.1)
                .Field("matrix", "[[Int]]", _ => Matrix)
                .Field("text", "String", _ => "quote \" é ✓")
                .Field("fail", "Int", _ => throw new GraphQLException("bad", "BAD")))
            .Scalar(ScalarType.Decimal)
            .Build();
        var result = await new GraphQLExecutor(schema).ExecuteAsync(new GraphQLRequest("{ z amount ratio matrix text fail }"));
        var buffer = new ArrayBufferWriter<byte>();

        using (var writer = new Utf8JsonWriter(buffer))
        {
            result.WriteTo(writer);
        }

        Assert.Equal(
            "{\"errors\":[{\"message\":\"bad\",\"locations\":[{\"line\":1,\"column\":30}],\"path\":[\"fail\"],\"extensions\":{\"code\":\"BAD\"}}],"
            + "\"data\":{\"z\":\"last letter, first key\",\"amount\":12345678901234567.89,\"ratio\":0.1,\"matrix\":[[1,2],[3]],\"text\":\"quote \\\" é ✓\",\"fail\":null}}",
            result.ToJson());
        Assert.Equal(Run.Normalize(result.ToJson()), Run.Normalize(Encoding.UTF8.GetString(buffer.WrittenSpan)));
    }

    [Fact]
    public void RequestError_HasNoDataEntry()
    {
        var result = ExecutionResult.FromErrors(GraphQLError.WithCode("Syntax Error: x", ErrorCodes.ParseFailed, [new ErrorLocation(2, 3)]));

        Assert.Equal("{\"errors\":[{\"message\":\"Syntax Error: x\",\"locations\":[{\"line\":2,\"column\":3}],\"extensions\":{\"code\":\"GRAPHQL_PARSE_FAILED\"}}]}", result.ToJson());
    }

    [Fact]
    public async Task Executor_IsRegisteredForHosting()
    {
        var schema = new SchemaBuilder().Query(q => q.Field("a", "Int", _ => 1)).Build();
        using var provider = new ServiceCollection()
            .AddGraphQLExecutor(schema, o => o with { MaxExecutionDepth = 5 })
            .BuildServiceProvider();

        var executor = provider.GetRequiredService<IRequestExecutor>();

        Assert.Same(schema, executor.Schema);
        Assert.Equal(5, executor.Options.MaxExecutionDepth);
        Assert.Equal("{\"data\":{\"a\":1}}", (await executor.ExecuteAsync(new GraphQLRequest("{ a }"))).ToJson());
    }
}
