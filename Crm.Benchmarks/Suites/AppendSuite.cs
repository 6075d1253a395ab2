using System.Globalization;
using Crm.Benchmarks.Harness;
using Crm.EventStore;
using Crm.EventStore.Postgres;

namespace Crm.Benchmarks.Suites;

/// <summary>
/// Single-event appends through the event store to distinct (new) customer streams at 1, 8 and 32
/// concurrent writers, each beside plain single-row INSERTs of the same rows at the same concurrency.
/// </summary>
internal sealed class AppendSuite : ISuite
{
    private const double GoalRatio = 0.8;
    private const int GoalWriters = 8;
    private static readonly int[] Concurrency = [1, 8, 32];

    public string Name => "append";

    public string Description => "events/s of single-event appends at 1, 8 and 32 writers beside the single-row INSERT ceiling";

    public async Task RunAsync(BenchOptions options)
    {
        await using var database = await BenchDatabase.CreateAsync(options);
        var report = new Report(Name);
        report.Context("postgres", await database.SettingsAsync());
        report.Context("run", new { seconds = options.Duration.TotalSeconds, concurrency = Concurrency, notifyOnAppend = true });

        await using var store = await database.CreateStoreAsync("bench_append");
        var workloads = Enumerable.Range(0, Concurrency.Max()).Select(w => new InteractionWorkload(seed: w)).ToArray();
        var row = workloads[0].CeilingRow();
        long appended = 0;

        // Warm-up: JIT, pooled connections and prepared statements on both sides, not measured.
        appended += (await AppendLoadAsync(store, workloads, GoalWriters, TimeSpan.FromSeconds(30), maxPerWorker: 50)).Operations;
        await Ceilings.SingleRowInsertsAsync(database.DataSource, GoalWriters, TimeSpan.FromSeconds(30), row, maxPerWorker: 50);

        foreach (var writers in Concurrency)
        {
            // Ceiling first, then the store, at each concurrency: both see the same moment of a noisy machine.
            var (ceiling, ceilingWaits) = await WaitSampler.SampleAsync(database.DataSource, () => Ceilings.SingleRowInsertsAsync(database.DataSource, writers, options.Duration, row));
            var (result, waits) = await WaitSampler.SampleAsync(database.DataSource, () => AppendLoadAsync(store, workloads, writers, options.Duration));
            appended += result.Operations;
            var ratio = result.PerSecond / ceiling.PerSecond;
            report.Add(
                $"append, {writers} writer{(writers == 1 ? "" : "s")}",
                result.PerSecond,
                "events/s",
                ceiling.PerSecond,
                goal: writers == GoalWriters ? $"≥ {GoalRatio.ToString("0.0", CultureInfo.InvariantCulture)} × ceiling" : null,
                goalMet: writers == GoalWriters ? ratio >= GoalRatio : null,
                note: Describe(result, waits, ceiling, ceilingWaits));
        }

        // Diagnostic: the same appends without the commit-time notification, which the ceiling does not send.
        await using (var quiet = await database.CreateStoreAsync("bench_append_quiet", notifyOnAppend: false))
        {
            var (ceiling, ceilingWaits) = await WaitSampler.SampleAsync(database.DataSource, () => Ceilings.SingleRowInsertsAsync(database.DataSource, GoalWriters, options.Duration, row));
            var (result, waits) = await WaitSampler.SampleAsync(database.DataSource, () => AppendLoadAsync(quiet, workloads, GoalWriters, options.Duration));
            report.Add(
                $"append, {GoalWriters} writers, NotifyOnAppend off (diagnostic)",
                result.PerSecond,
                "events/s",
                ceiling.PerSecond,
                note: Describe(result, waits, ceiling, ceilingWaits));
            await Verify(database, quiet, result.Operations);
        }

        await Verify(database, store, appended);
        await report.WriteAsync(options.OutputDirectory);
    }

    private static Task<LoadResult> AppendLoadAsync(PostgresEventStore store, InteractionWorkload[] workloads, int writers, TimeSpan duration, long maxPerWorker = long.MaxValue) =>
        Load.RunAsync(writers, duration, maxPerWorker, async (worker, _) =>
        {
            var customerId = Guid.CreateVersion7();
            var e = workloads[worker].NextInteraction(customerId);
            await store.AppendAsync(InteractionWorkload.CustomerStream(customerId), ExpectedVersion.NoStream, [e]);
            return true;
        });

    private static string Describe(LoadResult result, string waits, LoadResult ceiling, string ceilingWaits) => string.Create(
        CultureInfo.InvariantCulture,
        $"p50 {result.P50Ms:0.00} / p99 {result.P99Ms:0.00} ms, {waits}; ceiling p50 {ceiling.P50Ms:0.00} / p99 {ceiling.P99Ms:0.00} ms, {ceilingWaits}");

    private static async Task Verify(BenchDatabase database, PostgresEventStore store, long expected)
    {
        var stored = await database.CountEventsAsync(store);
        if (stored != expected)
        {
            throw new InvalidOperationException($"The store '{store.Schema}' holds {stored} events but {expected} appends succeeded.");
        }
    }
}
