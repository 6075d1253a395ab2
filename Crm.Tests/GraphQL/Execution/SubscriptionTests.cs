using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Crm.GraphQL.Execution;
using Crm.GraphQL.Types;

namespace Crm.Tests.GraphQL.Execution;

public sealed class SubscriptionTests
{
    private sealed record CaseEvent(int Id, string Title);

    private static async IAsyncEnumerable<CaseEvent> Events(int count, bool failAtEnd, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 1; i <= count; i++)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return new CaseEvent(i, "Case " + i);
        }
        if (failAtEnd)
        {
            throw new InvalidOperationException("broker connection lost");
        }
    }

    private static Schema Schema(Channel<CaseEvent>? channel = null) => new SchemaBuilder()
        .Query(q => q.Field("ping", "String", _ => "pong"))
        .Subscription(s => s
            .Field("caseOpened", "Case!", f => f
                .Argument("count", "Int!")
                .Argument("fail", "Boolean", false)
                .Subscribe(ctx => Events(ctx.Argument<int>("count"), ctx.Argument<bool>("fail"), ctx.CancellationToken)))
            .Field("titles", "String!", f => f
                .Subscribe(ctx => Events(2, false, ctx.CancellationToken))
                .Resolve(ctx => ctx.Parent<CaseEvent>().Title.ToUpperInvariant()))
            .Field("live", "Case!", f => f.Subscribe(ctx => channel!.Reader.ReadAllAsync(ctx.CancellationToken)))
            .Field("noStream", "Int"))
        .Type("Case", t => t.Field("id", "Int!").Field("title", "String!"))
        .Build();

    private static async Task<List<string>> Collect(Schema schema, string query, object? variables = null, CancellationToken cancellationToken = default)
    {
        var executor = new GraphQLExecutor(schema);
        var results = new List<string>();
        await foreach (var result in executor.SubscribeAsync(new GraphQLRequest(query, Variables: Run.Variables(variables)), cancellationToken))
        {
            results.Add(Run.Normalize(result.ToJson()));
        }
        return results;
    }

    [Fact]
    public async Task EachSourceEvent_BecomesOneResponse()
    {
        var results = await Collect(Schema(), "subscription($n: Int!) { caseOpened(count: $n) { id title } }", new { n = 3 });

        Assert.Equal(
        [
            Run.Expect("{'data':{'caseOpened':{'id':1,'title':'Case 1'}}}"),
            Run.Expect("{'data':{'caseOpened':{'id':2,'title':'Case 2'}}}"),
            Run.Expect("{'data':{'caseOpened':{'id':3,'title':'Case 3'}}}"),
        ], results);
    }

    [Fact]
    public async Task ResolverOfTheRootField_MapsEachEvent()
    {
        var results = await Collect(Schema(), "subscription { titles }");

        Assert.Equal([Run.Expect("{'data':{'titles':'CASE 1'}}"), Run.Expect("{'data':{'titles':'CASE 2'}}")], results);
    }

    [Fact]
    public async Task FailingSourceStream_EndsWithAMaskedError()
    {
        var results = await Collect(Schema(), "subscription { caseOpened(count: 1, fail: true) { id } }");

        Assert.Equal(2, results.Count);
        Assert.Contains("Unexpected Execution Error", results[1], StringComparison.Ordinal);
        Assert.DoesNotContain("broker", results[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task FieldWithoutStream_IsARequestError()
    {
        var results = await Collect(Schema(), "subscription { noStream }");

        Assert.Equal([Run.Expect("{'errors':[{'message':'Subscription field \\u0022Subscription.noStream\\u0022 has no source stream.','locations':[{'line':1,'column':16}],'path':['noStream'],'extensions':{'code':'OPERATION_NOT_SUPPORTED'}}]}")], results);
    }

    [Fact]
    public async Task Cancellation_EndsTheStream()
    {
        var channel = Channel.CreateUnbounded<CaseEvent>();
        using var cancellation = new CancellationTokenSource();
        var executor = new GraphQLExecutor(Schema(channel));
        var received = new List<string>();

        await channel.Writer.WriteAsync(new CaseEvent(1, "first"));
        var reading = Task.Run(async () =>
        {
            await foreach (var result in executor.SubscribeAsync(new GraphQLRequest("subscription { live { id } }"), cancellation.Token))
            {
                received.Add(Run.Normalize(result.ToJson()));
                await cancellation.CancelAsync();
            }
        });

        await reading.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal([Run.Expect("{'data':{'live':{'id':1}}}")], received);
    }

    [Fact]
    public async Task SubscriptionThroughExecuteAsync_IsRefused()
    {
        var result = await Run.Execute(Schema(), "subscription { titles }");

        Assert.False(result.HasData);
        Assert.Equal(ErrorCodes.OperationNotSupported, Assert.Single(result.Errors).Code);
    }
}
