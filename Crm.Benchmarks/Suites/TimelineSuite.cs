using System.Diagnostics;
using System.Globalization;
using System.Text;
using Crm.Benchmarks.Harness;
using Crm.Projections;
using Npgsql;

namespace Crm.Benchmarks.Suites;

/// <summary>
/// Latency of a busy customer's timeline (10,000 entries) through the read-model query the GraphQL
/// API uses: the first page of 50 and a deep page (after 9,000 entries, by cursor), first in a store
/// of 100,000 events, then in one grown to <c>--scale</c> events; the latency must not grow with
/// the store. Beside it the floor: a <c>SELECT 1</c> round trip on a pooled connection.
/// </summary>
internal sealed class TimelineSuite : ISuite
{
    private const long DefaultScale = 1_000_000;
    private const long BaseScale = 100_000;
    private const int BusyCustomerEvents = 10_000;
    private const int PageSize = 50;
    private const int DeepAfter = 9_000;

    // The largest page the query serves: the deep cursor is reached in pages of this size.
    private const int MaxWalkPage = 500;
    private const double GoalFirstPageP99Ms = 10;
    private const double GoalRatio = 1.5;
    private const int SeedDays = 180;
    private const string TimelineProjection = "crm.customer_timeline";

    // The query of ReadModelQueries.TimelineAsync without filters, for EXPLAIN; the measured calls go through the method itself.
    private const string ExplainFirst = """
        EXPLAIN (ANALYZE, BUFFERS)
        SELECT position, customer_id, stream_id, stream_version, at, kind, title, summary, actor_id, actor_name, actor_role, channel, case_id
        FROM crm_read.customer_timeline
        WHERE customer_id = $1
        ORDER BY at DESC, position DESC LIMIT $2
        """;

    private const string ExplainDeep = """
        EXPLAIN (ANALYZE, BUFFERS)
        SELECT position, customer_id, stream_id, stream_version, at, kind, title, summary, actor_id, actor_name, actor_role, channel, case_id
        FROM crm_read.customer_timeline
        WHERE customer_id = $1
        AND (at, position) < ($3, $4)
        ORDER BY at DESC, position DESC LIMIT $2
        """;

    public string Name => "timeline";

    public string Description => "p50/p99 of a 10,000-entry customer's first and deep timeline page at 100,000 and --scale events (default 1,000,000)";

    public async Task RunAsync(BenchOptions options)
    {
        var scale = Math.Max(options.Scale ?? DefaultScale, BaseScale);
        var total = Stopwatch.StartNew();
        await using var database = await BenchDatabase.CreateAsync(options);
        await using var crm = await CrmBench.CreateAsync(database, RebuildSuite.DefaultRebuildBatch);
        var report = new Report(Name);
        report.Context("postgres", await database.SettingsAsync());

        // The store of 100,000 events: a seeded history and the busy customer.
        var first = await crm.SeedAsync(BaseScale - BusyCustomerEvents, seed: 42, anchor: new DateOnly(2025, 12, 1), SeedDays);
        var (customerId, busyEvents) = await crm.AddBusyCustomerAsync(BusyCustomerEvents, new DateTimeOffset(2025, 6, 1, 8, 0, 0, TimeSpan.Zero));
        var (smallBuild, _, _) = await crm.RebuildAsync(TimelineProjection);
        var smallEvents = await crm.CountEventsAsync();
        Console.Error.WriteLine($"store of {smallEvents:N0} events ready (seed {first.Elapsed.TotalSeconds:0.0} s, timeline built in {smallBuild.Elapsed.TotalSeconds:0.0} s)");
        var small = await MeasureAsync(crm, database, customerId, options.Duration);

        // Grown to --scale: a second seeded history (other customers, a later half year), the timeline rebuilt.
        var second = await crm.SeedAsync(scale - smallEvents, seed: 43, anchor: new DateOnly(2026, 6, 1), SeedDays);
        var (largeBuild, _, _) = await crm.RebuildAsync(TimelineProjection);
        var largeEvents = await crm.CountEventsAsync();
        Console.Error.WriteLine($"store of {largeEvents:N0} events ready (seed {second.Elapsed.TotalSeconds:0.0} s, timeline rebuilt in {largeBuild.Elapsed.TotalSeconds:0.0} s)");
        var large = await MeasureAsync(crm, database, customerId, options.Duration);

        report.Context("run", new
        {
            scale,
            smallEvents,
            largeEvents,
            busyCustomerEvents = busyEvents,
            pageSize = PageSize,
            deepAfter = DeepAfter,
            readers = 1,
            secondsPerMeasure = options.Duration.TotalSeconds,
            seeds = new[] { first, second },
            timelineBuildSeconds = new[] { smallBuild.Elapsed.TotalSeconds, largeBuild.Elapsed.TotalSeconds },
        });
        report.Context("explain", new { small = new { first = small.ExplainFirst, deep = small.ExplainDeep }, large = new { first = large.ExplainFirst, deep = large.ExplainDeep } });

        AddRows(report, "first page", small.First, large.First, smallEvents, largeEvents, firstPage: true);
        AddRows(report, $"deep page (after {DeepAfter:#,0})", small.Deep, large.Deep, smallEvents, largeEvents, firstPage: false);
        report.Add(
            string.Create(CultureInfo.InvariantCulture, $"floor: SELECT 1 round trip, {smallEvents:#,0} / {largeEvents:#,0} events"),
            large.Floor.P99Ms,
            "ms p99",
            note: string.Create(CultureInfo.InvariantCulture, $"p50 {small.Floor.P50Ms:0.000} / {large.Floor.P50Ms:0.000} ms, p99 {small.Floor.P99Ms:0.000} / {large.Floor.P99Ms:0.000} ms; {large.Floor.Operations:#,0} samples"));
        report.Context("suiteSeconds", total.Elapsed.TotalSeconds);
        await report.WriteAsync(options.OutputDirectory);
        Console.WriteLine("EXPLAIN (ANALYZE, BUFFERS) at the larger store, first page:");
        Console.WriteLine(large.ExplainFirst);
        Console.WriteLine("deep page:");
        Console.WriteLine(large.ExplainDeep);
        Console.Error.WriteLine($"suite finished in {total.Elapsed.TotalSeconds:0} s");
    }

    private static void AddRows(Report report, string what, LoadResult small, LoadResult large, long smallEvents, long largeEvents, bool firstPage)
    {
        var ratio = large.P99Ms / small.P99Ms;
        report.Add(
            string.Create(CultureInfo.InvariantCulture, $"{what}, p99 at {smallEvents:#,0} events"),
            small.P99Ms,
            "ms",
            goal: firstPage ? string.Create(CultureInfo.InvariantCulture, $"≤ {GoalFirstPageP99Ms} ms") : null,
            goalMet: firstPage ? small.P99Ms <= GoalFirstPageP99Ms : null,
            note: string.Create(CultureInfo.InvariantCulture, $"p50 {small.P50Ms:0.000} ms, {small.Operations:#,0} samples, 1 reader"));
        report.Add(
            string.Create(CultureInfo.InvariantCulture, $"{what}, p99 at {largeEvents:#,0} events"),
            large.P99Ms,
            "ms",
            small.P99Ms,
            goal: string.Create(CultureInfo.InvariantCulture, $"ratio ≤ {GoalRatio}{(firstPage ? $", ≤ {GoalFirstPageP99Ms} ms" : "")}"),
            goalMet: ratio <= GoalRatio && (!firstPage || large.P99Ms <= GoalFirstPageP99Ms),
            note: string.Create(CultureInfo.InvariantCulture, $"p50 {large.P50Ms:0.000} ms, {large.Operations:#,0} samples, 1 reader; ratio = p99 here / p99 at {smallEvents:#,0}"));
    }

    private sealed record Measured(LoadResult First, LoadResult Deep, LoadResult Floor, string ExplainFirst, string ExplainDeep);

    private static async Task<Measured> MeasureAsync(CrmBench crm, BenchDatabase database, Guid customerId, TimeSpan duration)
    {
        // The deep page's cursor, reached as a client pages: 500 entries a page (the largest), cursor after cursor.
        string? cursor = null;
        TimelineEntry? last = null;
        for (var seen = 0; seen < DeepAfter;)
        {
            var page = await crm.Queries.TimelineAsync(customerId, first: Math.Min(MaxWalkPage, DeepAfter - seen), after: cursor);
            if (page.Edges.Count == 0)
            {
                throw new InvalidOperationException($"The busy customer's timeline ends after {seen} entries.");
            }
            seen += page.Edges.Count;
            cursor = page.Edges[^1].Cursor;
            last = page.Edges[^1].Node;
        }
        var deepCursor = cursor!;
        var check = await crm.Queries.TimelineAsync(customerId, first: PageSize, after: deepCursor);
        if (check.Edges.Count != PageSize)
        {
            throw new InvalidOperationException($"The deep page holds {check.Edges.Count} entries, not {PageSize}.");
        }

        // Warm-up, not measured: plans cached, pages in shared buffers, as on a running service.
        for (var i = 0; i < 200; i++)
        {
            await crm.Queries.TimelineAsync(customerId, first: PageSize);
            await crm.Queries.TimelineAsync(customerId, first: PageSize, after: deepCursor);
        }
        var firstPage = await Load.RunAsync(1, duration, long.MaxValue, async (_, _) =>
            (await crm.Queries.TimelineAsync(customerId, first: PageSize)).Edges.Count == PageSize);
        var deepPage = await Load.RunAsync(1, duration, long.MaxValue, async (_, _) =>
            (await crm.Queries.TimelineAsync(customerId, first: PageSize, after: deepCursor)).Edges.Count == PageSize);
        var floor = await Load.RunAsync(1, duration, long.MaxValue, async (_, _) =>
        {
            await using var connection = await database.DataSource.OpenConnectionAsync();
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            return (int)(await command.ExecuteScalarAsync())! == 1;
        });
        var explainFirst = await ExplainAsync(database, ExplainFirst, customerId, null);
        var explainDeep = await ExplainAsync(database, ExplainDeep, customerId, last);
        return new Measured(firstPage, deepPage, floor, explainFirst, explainDeep);
    }

    private static async Task<string> ExplainAsync(BenchDatabase database, string sql, Guid customerId, TimelineEntry? after)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = customerId, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = PageSize + 1, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer });
        if (after is not null)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = after.At, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
            command.Parameters.Add(new NpgsqlParameter { Value = after.Position, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint });
        }
        var plan = new StringBuilder();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.AppendLine(reader.GetString(0));
        }
        return plan.ToString();
    }
}
