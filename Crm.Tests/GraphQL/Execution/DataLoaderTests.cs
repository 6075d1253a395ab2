using System.Collections.Concurrent;
using Crm.GraphQL.Execution;
using Crm.GraphQL.Types;

namespace Crm.Tests.GraphQL.Execution;

public sealed class DataLoaderTests
{
    private sealed record Customer(int Id, int ManagerId);

    private sealed class Store
    {
        public ConcurrentQueue<int[]> Batches { get; } = new();

        public async Task<IReadOnlyDictionary<int, Customer>> Load(IReadOnlyList<int> ids, CancellationToken cancellationToken)
        {
            Batches.Enqueue([.. ids]);
            await Task.Delay(5, cancellationToken);
            return ids.Where(id => id != 404).ToDictionary(id => id, id => new Customer(id, 100 + (id % 2)));
        }
    }

    private static Schema Schema(Store store) => new SchemaBuilder()
        .Query(q => q.Field("customers", "[Customer]!", f => f
            .Argument("ids", "[Int!]!")
            .Resolve(ctx => Task.WhenAll(ctx.Argument<int[]>("ids").Select(id => ctx.DataLoader<int, Customer>("customers", store.Load).LoadAsync(id))))))
        .Type("Customer", t => t
            .Field("id", "Int!")
            .Field("manager", "Customer", f => f.Resolve(ctx => ctx.DataLoader<int, Customer>("customers", store.Load).LoadAsync(ctx.Parent<Customer>().ManagerId))))
        .Build();

    [Fact]
    public async Task KeysOfOneWave_AreFetchedInOneBatch_AndEachKeyOnce()
    {
        var store = new Store();

        var json = await Run.Json(Schema(store), "{ customers(ids: [1, 2, 3, 2, 404]) { id } }");

        Assert.Equal(Run.Expect("{'data':{'customers':[{'id':1},{'id':2},{'id':3},{'id':2},null]}}"), json);
        Assert.Equal([1, 2, 3, 404], Assert.Single(store.Batches));
    }

    [Fact]
    public async Task EachLevelOfTheTree_IsOneBatch_AndCachedKeysAreNotFetchedAgain()
    {
        var store = new Store();

        var json = await Run.Json(Schema(store), "{ customers(ids: [1, 2, 3, 4]) { id manager { id manager { id } } } }");

        Assert.Contains("\"manager\":{\"id\":101,\"manager\":{\"id\":101}}", json, StringComparison.Ordinal);
        // Level 1: the four customers; level 2: both managers in one call; level 3: managers of managers are cached.
        var batches = store.Batches.ToArray();
        Assert.Equal(2, batches.Length);
        Assert.Equal([1, 2, 3, 4], batches[0].Order());
        Assert.Equal([100, 101], batches[1].Order());
    }

    [Fact]
    public async Task ManyResolversInOneWave_ProduceOneBatch()
    {
        var store = new Store();
        var ids = string.Join(", ", Enumerable.Range(1, 50));

        var result = await Run.Execute(Schema(store), $"{{ customers(ids: [{ids}]) {{ manager {{ id }} }} }}");

        Assert.Empty(result.Errors);
        Assert.Equal(2, store.Batches.Count);
        Assert.Equal(50, store.Batches.First().Length);
    }

    [Fact]
    public async Task FailingBatch_FailsTheFieldsThatWaitedForIt()
    {
        var schema = new SchemaBuilder()
            .Query(q => q.Field("item", "String", f => f.Resolve(ctx =>
                ctx.DataLoader<int, string>("items", (_, _) => throw new Crm.GraphQL.GraphQLException("Store unavailable.", "UNAVAILABLE")).LoadAsync(1))))
            .Build();

        var result = await Run.Execute(schema, "{ item }");

        Assert.Equal("Store unavailable.", Assert.Single(result.Errors).Message);
        Assert.Equal("UNAVAILABLE", result.Errors[0].Code);
    }

    [Fact]
    public async Task StandaloneLoader_BatchesUntilDispatched()
    {
        var batches = new List<int[]>();
        var loader = new DataLoader<int, string>((keys, _) =>
        {
            batches.Add([.. keys]);
            return Task.FromResult<IReadOnlyDictionary<int, string>>(keys.ToDictionary(k => k, k => "v" + k));
        });

        var first = loader.LoadAsync(1);
        var second = loader.LoadAsync(2);
        var again = loader.LoadAsync(1);
        Assert.False(first.IsCompleted);
        await loader.DispatchAsync();

        Assert.Equal(["v1", "v2", "v1"], (await Task.WhenAll(first, second, again)).Select(v => v!));
        Assert.Equal([1, 2], Assert.Single(batches));
    }

    [Fact]
    public async Task GroupDataLoader_LoadsOneToManyRelations()
    {
        var calls = 0;
        var schema = new SchemaBuilder()
            .Query(q => q.Field("owners", "[Owner!]!", _ => Enumerable.Range(1, 3)))
            .Type("Owner", t => t
                .Field("id", "Int!", ctx => ctx.Source)
                .Field("tags", "[String!]!", f => f.Resolve(ctx => ctx.GroupDataLoader<int, string>("tags", (keys, _) =>
                {
                    Interlocked.Increment(ref calls);
                    return Task.FromResult(keys.Where(k => k != 2).SelectMany(k => new[] { (k, "a" + k), (k, "b" + k) }).ToLookup(p => p.k, p => p.Item2));
                }).LoadAsync((int)ctx.Source!))))
            .Build();

        var json = await Run.Json(schema, "{ owners { id tags } }");

        Assert.Equal(Run.Expect("{'data':{'owners':[{'id':1,'tags':['a1','b1']},{'id':2,'tags':[]},{'id':3,'tags':['a3','b3']}]}}"), json);
        Assert.Equal(1, calls);
    }
}
