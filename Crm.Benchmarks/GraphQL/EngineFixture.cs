using System.Collections;
using System.Collections.Concurrent;
using System.Text;
using Crm.GraphQL.Execution;
using Crm.GraphQL.Types;

namespace Crm.Benchmarks.GraphQL;

/// <summary>
/// An in-memory GraphQL schema shaped like the CRM's customer view, with resolvers returning canned
/// objects, the documents the engine benchmarks run, and the floors they are compared with.
/// Deterministic: the suite and the benchmark process build equal fixtures.
/// </summary>
internal sealed class EngineFixture
{
    public const string CustomerId = "0193a5f0-7c1e-7000-8000-00000000c0de";

    /// <summary>The document of the <c>graphql</c> goal, as a client sends it.</summary>
    public const string CustomerQuery =
        "query { customer(id: \"" + CustomerId + "\") { name stats { contacts } timeline(first: 20) { edges { node { at kind title } } } } }";

    public const int WideRows = 100;
    public const int DeepLevels = 40;
    private const int RowFields = 10;
    private const int TimelineLength = 50;

    private static readonly object[] Constants = [.. Enumerable.Range(0, RowFields).Select(i => (object)i)];

    private readonly Func<IResolverContext, object?>[] _rowResolvers;
    private readonly Row[] _rows;

    public EngineFixture()
    {
        _rowResolvers = [.. Enumerable.Range(0, RowFields).Select(i => (Func<IResolverContext, object?>)(_ => Constants[i]))];
        _rows = [.. Enumerable.Range(0, WideRows).Select(i => new Row(i))];
        var customer = CannedCustomer();
        Schema = BuildSchema(customer);
        Executor = new GraphQLExecutor(Schema);

        // Request texts arrive as new strings: the cache must hash and compare them in full.
        CustomerText = new string(CustomerQuery.AsSpan());
        WideText = WideQuery();
        DeepText = DeepQuery();
        CustomerRequest = new GraphQLRequest(CustomerText);
        WideRequest = new GraphQLRequest(WideText);
        DeepRequest = new GraphQLRequest(DeepText);
        Documents = new ConcurrentDictionary<string, object>(StringComparer.Ordinal);
        Documents[CustomerQuery] = new object();
    }

    public Schema Schema { get; }

    public GraphQLExecutor Executor { get; }

    public string CustomerText { get; }

    public string WideText { get; }

    public string DeepText { get; }

    public GraphQLRequest CustomerRequest { get; }

    public GraphQLRequest WideRequest { get; }

    public GraphQLRequest DeepRequest { get; }

    /// <summary>A text-keyed cache holding the customer document: the floor of any cached lookup.</summary>
    public ConcurrentDictionary<string, object> Documents { get; }

    /// <summary>
    /// The wide query's resolvers called directly, their values stored in one array per object:
    /// executing that selection with no engine at all.
    /// </summary>
    public object?[] ResolveWideDirectly()
    {
        var list = new object?[WideRows];
        for (var r = 0; r < WideRows; r++)
        {
            var row = new object?[RowFields + 1];
            for (var f = 0; f < RowFields; f++)
            {
                row[f] = _rowResolvers[f](null!);
            }
            var child = new object?[6];
            for (var f = 0; f < 5; f++)
            {
                child[f] = _rowResolvers[f](null!);
            }
            var grandchild = new object?[2];
            grandchild[0] = _rowResolvers[0](null!);
            grandchild[1] = _rowResolvers[1](null!);
            child[5] = grandchild;
            row[RowFields] = child;
            list[r] = row;
        }
        return list;
    }

    /// <summary>The deep query's resolvers called directly, one array per level.</summary>
    public object?[] ResolveDeepDirectly()
    {
        var top = new object?[3];
        var level = top;
        for (var d = 0; d < DeepLevels; d++)
        {
            level[0] = _rowResolvers[0](null!);
            level[1] = _rowResolvers[1](null!);
            if (d + 1 < DeepLevels)
            {
                var next = new object?[3];
                level[2] = next;
                level = next;
            }
        }
        return top;
    }

    /// <summary>How many fields a response resolved: one per entry of every object in it.</summary>
    public static int CountResolvedFields(object? value)
    {
        switch (value)
        {
            case IReadOnlyDictionary<string, object?> map:
                var count = 0;
                foreach (var (_, entry) in map)
                {
                    count += 1 + CountResolvedFields(entry);
                }
                return count;
            case string:
                return 0;
            case IEnumerable list:
                var total = 0;
                foreach (var item in list)
                {
                    total += CountResolvedFields(item);
                }
                return total;
            default:
                return 0;
        }
    }

    private Schema BuildSchema(Customer customer) => new SchemaBuilder()
        .Query(q => q
            .Field("customer", "Customer", f => f
                .Argument("id", "ID!")
                .Resolve(ctx => ctx.Argument<string>("id") == CustomerId ? customer : null))
            .Field("rows", "[Row!]!", f => f
                .Argument("count", "Int!")
                .Resolve(ctx => ctx.Argument<int>("count") is var count && count >= _rows.Length ? _rows : _rows[..Math.Max(0, count)]))
            .Field("deep", "Row!", _ => _rows[0]))
        .Type<Customer>("Customer", t => t
            .Field("id", "ID!")
            .Field("name", "String!")
            .Field("stats", "CustomerStats!", ctx => ctx.Parent<Customer>().Stats)
            .Field("timeline", "TimelineConnection!", f => f
                .Argument("first", "Int", 50)
                .Argument("after", "String")
                .Resolve(ctx => ctx.Parent<Customer>().Timeline(ctx.Argument<int>("first")))))
        .Type<CustomerStats>("CustomerStats", t => t
            .Field("contacts", "Int!")
            .Field("cases", "Int!")
            .Field("openCases", "Int!"))
        .Type<TimelineConnection>("TimelineConnection", t => t
            .Field("edges", "[TimelineEdge!]!")
            .Field("pageInfo", "PageInfo!"))
        .Type<TimelineEdge>("TimelineEdge", t => t
            .Field("cursor", "String!")
            .Field("node", "TimelineEntry!"))
        .Type<TimelineEntry>("TimelineEntry", t => t
            .Field("at", "DateTime!")
            .Field("kind", "String!")
            .Field("title", "String!")
            .Field("summary", "String"))
        .Type<PageInfo>("PageInfo", t => t
            .Field("hasNextPage", "Boolean!")
            .Field("endCursor", "String"))
        .Type<Row>("Row", t =>
        {
            for (var i = 0; i < RowFields; i++)
            {
                t.Field($"f{i}", "Int!", _rowResolvers[i]);
            }
            t.Field("child", "Row!", ctx => ctx.Source);
        })
        .Build();

    private static Customer CannedCustomer()
    {
        var start = new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
        string[] kinds = ["InteractionLogged", "CaseOpened", "CaseNoteAdded", "RefundIssued", "CaseResolved"];
        var entries = Enumerable.Range(0, TimelineLength)
            .Select(i => new TimelineEdge(
                $"c{i:D4}",
                new TimelineEntry(start.AddHours(-i * 7), kinds[i % kinds.Length], $"Contact about invoice #{1000 + i}", "Customer asked about the last invoice")))
            .ToArray();
        return new Customer(CustomerId, "Ann Lee", new CustomerStats(42, 5, 1), entries);
    }

    /// <summary><see cref="WideRows"/> objects of ten scalars, a child of five and a grandchild of two.</summary>
    private static string WideQuery()
    {
        var fields = string.Join(' ', Enumerable.Range(0, RowFields).Select(i => $"f{i}"));
        return $"query {{ rows(count: {WideRows}) {{ {fields} child {{ f0 f1 f2 f3 f4 child {{ f0 f1 }} }} }} }}";
    }

    /// <summary><see cref="DeepLevels"/> nested objects of two scalars each.</summary>
    private static string DeepQuery()
    {
        var text = new StringBuilder("query { deep { ");
        for (var d = 0; d < DeepLevels; d++)
        {
            text.Append(d + 1 < DeepLevels ? "f0 f1 child { " : "f0 f1 ");
        }
        text.Append('}', DeepLevels + 1);
        return text.ToString();
    }

    private sealed record Customer(string Id, string Name, CustomerStats Stats, TimelineEdge[] Edges)
    {
        public TimelineConnection Timeline(int first)
        {
            var n = Math.Clamp(first, 0, Edges.Length);
            return new TimelineConnection(Edges[..n], new PageInfo(n < Edges.Length, n > 0 ? Edges[n - 1].Cursor : null));
        }
    }

    private sealed record CustomerStats(int Contacts, int Cases, int OpenCases);

    private sealed record TimelineConnection(TimelineEdge[] Edges, PageInfo PageInfo);

    private sealed record TimelineEdge(string Cursor, TimelineEntry Node);

    private sealed record TimelineEntry(DateTimeOffset At, string Kind, string Title, string? Summary);

    private sealed record PageInfo(bool HasNextPage, string? EndCursor);

    private sealed record Row(int Index);
}
