using System.Collections.Concurrent;
using Crm.GraphQL.Types;

namespace Crm.Tests.GraphQL.Execution;

public sealed class MutationTests
{
    [Fact]
    public async Task MutationRootFields_RunOneAfterAnother_EvenWhenAsync()
    {
        var log = new ConcurrentQueue<string>();
        var schema = new SchemaBuilder()
            .Query(q => q.Field("ping", "String", _ => "pong"))
            .Mutation(m => m.Field("step", "Int!", f => f
                .Argument("n", "Int!")
                .Argument("delayMs", "Int!")
                .Resolve(async ctx =>
                {
                    var n = ctx.Argument<int>("n");
                    log.Enqueue("start " + n);
                    // Later steps are quicker: run concurrently, they would finish first.
                    await Task.Delay(ctx.Argument<int>("delayMs"));
                    log.Enqueue("end " + n);
                    return n;
                })))
            .Build();

        var json = await Run.Json(schema, "mutation { a: step(n: 1, delayMs: 60) b: step(n: 2, delayMs: 30) c: step(n: 3, delayMs: 0) }");

        Assert.Equal(Run.Expect("{'data':{'a':1,'b':2,'c':3}}"), json);
        Assert.Equal(["start 1", "end 1", "start 2", "end 2", "start 3", "end 3"], log);
    }

    [Fact]
    public async Task QueryRootFields_MayRunConcurrently()
    {
        var started = 0;
        var bothStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task<int> Resolve()
        {
            if (Interlocked.Increment(ref started) == 2)
            {
                bothStarted.SetResult();
            }
            // Each waits for the other: only concurrent execution completes.
            await bothStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
            return started;
        }
        var schema = new SchemaBuilder()
            .Query(q => q.Field("a", "Int!", _ => Resolve()).Field("b", "Int!", _ => Resolve()))
            .Build();

        var json = await Run.Json(schema, "{ a b }");

        Assert.Equal(Run.Expect("{'data':{'a':2,'b':2}}"), json);
    }

    [Fact]
    public async Task FailingMutationField_DoesNotStopTheNextOnes()
    {
        var log = new List<string>();
        var schema = new SchemaBuilder()
            .Query(q => q.Field("ping", "String", _ => "pong"))
            .Mutation(m => m
                .Field("fail", "Int", _ => throw new Crm.GraphQL.GraphQLException("no"))
                .Field("record", "Int", _ =>
                {
                    log.Add("recorded");
                    return 1;
                }))
            .Build();

        var json = await Run.Json(schema, "mutation { fail record }");

        Assert.Equal(Run.Expect("{'errors':[{'message':'no','locations':[{'line':1,'column':12}],'path':['fail']}],'data':{'fail':null,'record':1}}"), json);
        Assert.Equal(["recorded"], log);
    }
}
