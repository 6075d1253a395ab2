using System.Diagnostics;
using System.Globalization;
using Crm.Benchmarks.Harness;
using Crm.EventStore;

namespace Crm.Benchmarks.Suites;

/// <summary>
/// Events per second through the store's bulk path (<c>ImportAsync</c>, binary COPY with hashing
/// on another thread) for <c>--scale</c> events, beside a server-side batched INSERT of the same rows
/// and, for reference, a plain binary COPY of them.
/// </summary>
internal sealed class ImportSuite : ISuite
{
    private const long DefaultScale = 200_000;
    private const double GoalEventsPerSecond = 70_000;

    // A customer with a history of contacts; imports arrive in chunks, as a seeder or migration sends them.
    private const int EventsPerStream = 20;
    private const int EventsPerImport = 10_000;
    private const int CeilingBatch = 1000;

    public string Name => "import";

    private static readonly TimeSpan WarmUpTime = TimeSpan.FromSeconds(4);

    public string Description => "events/s through ImportAsync (binary COPY) beside the batched INSERT ceiling; --scale events (default 200,000)";

    public async Task RunAsync(BenchOptions options)
    {
        var scale = options.Scale ?? DefaultScale;
        await using var database = await BenchDatabase.CreateAsync(options);
        var report = new Report(Name);
        report.Context("postgres", await database.SettingsAsync());
        report.Context("run", new { scale, eventsPerStream = EventsPerStream, eventsPerImport = EventsPerImport, ceilingBatch = CeilingBatch });

        await using var store = await database.CreateStoreAsync("bench_import");
        var workload = new InteractionWorkload(seed: 1);
        var row = workload.CeilingRow();

        // Warm-up, not measured, until tiered compilation has optimized the encoder and the COPY
        // loops: the runtime first runs new code unoptimized and replaces it after some calls and a
        // quiet period, which took about two seconds of importing (some 40,000 events) on a loaded
        // 2-core machine; a shorter run measured mostly unoptimized code, at five times the CPU
        // per event. The plain COPY is warmed up the same way, and one ceiling batch.
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed < WarmUpTime)
        {
            await store.ImportAsync(Chunk(workload, 2_000));
            await Ceilings.BinaryCopyAsync(database.DataSource, 2_000, row);
        }
        await Ceilings.BatchedInsertAsync(database.DataSource, CeilingBatch, CeilingBatch, row);
        var warmUpEvents = await database.CountEventsAsync(store);

        var (ceiling, ceilingWaits) = await WaitSampler.SampleAsync(database.DataSource, () => Ceilings.BatchedInsertAsync(database.DataSource, scale, CeilingBatch, row));
        var ceilingPerSecond = ceiling.Rows / ceiling.Elapsed.TotalSeconds;
        await VerifyCeiling(database, scale);

        // Only the imports are timed: building the event objects is the caller's work.
        var importing = new Stopwatch();
        var clientCpu = TimeSpan.Zero;
        var (_, waits) = await WaitSampler.SampleAsync(database.DataSource, async () =>
        {
            for (long done = 0; done < scale;)
            {
                var n = (int)Math.Min(EventsPerImport, scale - done);
                var chunk = Chunk(workload, n);
                importing.Start();
                var (_, cpu) = await ClientCpu.MeasureAsync(() => store.ImportAsync(chunk));
                importing.Stop();
                clientCpu += cpu;
                done += n;
            }
            return scale;
        });
        var perSecond = scale / importing.Elapsed.TotalSeconds;

        var (copy, copyCpu) = await ClientCpu.MeasureAsync(() => Ceilings.BinaryCopyAsync(database.DataSource, scale, row));
        var copyPerSecond = copy.Rows / copy.Elapsed.TotalSeconds;
        await VerifyCeiling(database, scale);

        report.Add(
            string.Create(CultureInfo.InvariantCulture, $"ImportAsync, {scale:#,0} events"),
            perSecond,
            "events/s",
            ceilingPerSecond,
            goal: string.Create(CultureInfo.InvariantCulture, $"≥ {GoalEventsPerSecond:#,0} events/s"),
            goalMet: perSecond >= GoalEventsPerSecond,
            note: string.Create(
                CultureInfo.InvariantCulture,
                $"{importing.Elapsed.TotalSeconds:0.00} s, client CPU {clientCpu.TotalSeconds:0.00} s, {waits}; ceiling: batched INSERT … unnest, {CeilingBatch} rows a statement, {ceiling.Elapsed.TotalSeconds:0.00} s, {ceilingWaits}"));
        report.Add(
            "reference: ImportAsync against a plain binary COPY of the same rows",
            perSecond,
            "events/s",
            copyPerSecond,
            note: string.Create(CultureInfo.InvariantCulture, $"COPY {copy.Elapsed.TotalSeconds:0.00} s, client CPU {copyCpu.TotalSeconds:0.00} s; one transaction, no hashing, no stream table"));

        var stored = await database.CountEventsAsync(store) - warmUpEvents;
        if (stored != scale)
        {
            throw new InvalidOperationException($"The store holds {stored} imported events, not {scale}.");
        }
        await report.WriteAsync(options.OutputDirectory);
    }

    /// <summary><paramref name="events"/> events for new customers, <see cref="EventsPerStream"/> to a customer.</summary>
    private static List<StreamAppend> Chunk(InteractionWorkload workload, int events)
    {
        var streams = new List<StreamAppend>((events / EventsPerStream) + 1);
        for (var remaining = events; remaining > 0; remaining -= EventsPerStream)
        {
            var customerId = Guid.CreateVersion7();
            var history = new EventData[Math.Min(EventsPerStream, remaining)];
            for (var i = 0; i < history.Length; i++)
            {
                history[i] = workload.NextInteraction(customerId);
            }
            streams.Add(new StreamAppend(InteractionWorkload.CustomerStream(customerId), ExpectedVersion.NoStream, history) { StreamType = "customer" });
        }
        return streams;
    }

    private static async Task VerifyCeiling(BenchDatabase database, long expected)
    {
        var stored = await Ceilings.CountAsync(database.DataSource);
        if (stored != expected)
        {
            throw new InvalidOperationException($"The ceiling table holds {stored} rows, not {expected}.");
        }
    }
}
