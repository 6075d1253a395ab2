using System.Diagnostics;
using System.Globalization;
using Crm.Benchmarks.Harness;
using Crm.EventStore;

namespace Crm.Benchmarks.Suites;

/// <summary>
/// A full rebuild of every CRM read model (the daemon's blue/green rebuild, two read models at a
/// time as the <c>rebuild</c> verb runs it, and each one alone) over a store of <c>--scale</c> events seeded in
/// bulk; beside it the ceilings: reading the whole log through the catch-up read with no
/// projection work, and a plain binary COPY of one row per event.
/// </summary>
internal sealed class RebuildSuite : ISuite
{
    public const int DefaultRebuildBatch = 1000;
    private const long DefaultScale = 1_000_000;
    private const double GoalEventsPerSecond = 50_000;
    private const int SeedDays = 180;
    private const int RebuildVerbParallel = Crm.Api.Cli.RebuildVerb.DefaultParallel;

    public string Name => "rebuild";

    public string Description => "events/s of a full rebuild of every read model over a bulk-seeded store of --scale events (default 1,000,000)";

    public async Task RunAsync(BenchOptions options)
    {
        var scale = options.Scale ?? DefaultScale;
        var total = Stopwatch.StartNew();
        await using var database = await BenchDatabase.CreateAsync(options);
        await using var crm = await CrmBench.CreateAsync(database, DefaultRebuildBatch);
        var report = new Report(Name);
        report.Context("postgres", await database.SettingsAsync());

        var seeded = await crm.SeedAsync(scale, seed: 42, anchor: new DateOnly(2026, 6, 1), SeedDays);
        var events = await crm.CountEventsAsync();
        report.Context("run", new { scale, events, seeded.Customers, seedDays = SeedDays, seeded.EventsPerCustomer, rebuildBatch = DefaultRebuildBatch });
        report.Add(
            string.Create(CultureInfo.InvariantCulture, $"bulk seed, {seeded.Customers:#,0} customers"),
            seeded.PerSecond,
            "events/s",
            note: string.Create(CultureInfo.InvariantCulture, $"{events:#,0} events in {seeded.Elapsed.TotalSeconds:0.0} s (simulation in memory, imports of 50,000 by COPY); {seeded.Refused} commands refused"));

        // Ceiling 1: the log read the way a rebuild reads it, page after page, with nothing done with the events.
        var (read, readWaits) = await WaitSampler.SampleAsync(database.DataSource, () => ReadWholeLogAsync(crm, DefaultRebuildBatch));
        var readPerSecond = read.Events / read.Elapsed.TotalSeconds;

        // Ceiling 2: one plain row per event written by binary COPY.
        var row = new InteractionWorkload(seed: 1).CeilingRow();
        var copy = await Ceilings.BinaryCopyAsync(database.DataSource, events, row);
        var copyPerSecond = copy.Rows / copy.Elapsed.TotalSeconds;

        var results = new List<(string Name, long Events, TimeSpan Elapsed, string Waits, TimeSpan Cpu)>();
        foreach (var name in crm.Registry.Names)
        {
            var (result, waits, cpu) = await crm.RebuildAsync(name);
            if (result.DeadLetters.Count > 0)
            {
                throw new InvalidOperationException($"The rebuild of {name} left {result.DeadLetters.Count} dead letters.");
            }
            results.Add((name, result.EventsApplied, result.Elapsed, waits, cpu));
            Console.Error.WriteLine($"rebuilt {name}: {result.EventsApplied:N0} events in {result.Elapsed.TotalSeconds:0.0} s");
        }
        var rebuildTime = TimeSpan.FromTicks(results.Sum(r => r.Elapsed.Ticks));
        var perSecond = events / rebuildTime.TotalSeconds;

        // The rebuild verb's default: two read models at a time (each keeps about one server core busy).
        var (parallelTime, parallelWaits, parallelCpu) = await RebuildInParallelAsync(crm, RebuildVerbParallel);
        var parallelPerSecond = events / parallelTime.TotalSeconds;
        report.Add(
            string.Create(CultureInfo.InvariantCulture, $"full rebuild, {results.Count} read models, {RebuildVerbParallel} at a time, {events:#,0} events"),
            parallelPerSecond,
            "events/s",
            readPerSecond,
            goal: string.Create(CultureInfo.InvariantCulture, $"≥ {GoalEventsPerSecond:#,0} events/s"),
            goalMet: parallelPerSecond >= GoalEventsPerSecond,
            note: string.Create(CultureInfo.InvariantCulture, $"{parallelTime.TotalSeconds:0.0} s wall clock, as ./run.sh rebuild runs it (--parallel {RebuildVerbParallel}); client CPU {parallelCpu.TotalSeconds:0.0} s; {parallelWaits}; ceiling: the whole log read by the catch-up read alone"));
        report.Add(
            string.Create(CultureInfo.InvariantCulture, $"full rebuild, {results.Count} read models one after the other"),
            perSecond,
            "events/s",
            readPerSecond,
            note: string.Create(CultureInfo.InvariantCulture, $"{rebuildTime.TotalSeconds:0.0} s in all (the rows below); ceiling: the whole log read by the catch-up read alone"));
        foreach (var (name, applied, elapsed, waits, cpu) in results)
        {
            var rate = events / elapsed.TotalSeconds;
            report.Add(
                $"  rebuild {name}",
                rate,
                "events/s",
                readPerSecond,
                note: string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalSeconds:0.0} s, {applied:#,0} events applied, client CPU {cpu.TotalSeconds:0.0} s; {waits}"));
        }
        report.Add(
            "ceiling: catch-up read of the whole log, no projection work",
            readPerSecond,
            "events/s",
            note: string.Create(CultureInfo.InvariantCulture, $"{read.Events:#,0} events in {read.Elapsed.TotalSeconds:0.0} s, pages of {DefaultRebuildBatch}; {readWaits}"));
        report.Add(
            "ceiling: plain binary COPY, one row per event",
            copyPerSecond,
            "rows/s",
            note: string.Create(CultureInfo.InvariantCulture, $"{copy.Rows:#,0} rows in {copy.Elapsed.TotalSeconds:0.0} s into a bare table shaped like the log"));
        report.Context("suiteSeconds", total.Elapsed.TotalSeconds);
        await report.WriteAsync(options.OutputDirectory);
        Console.Error.WriteLine($"suite finished in {total.Elapsed.TotalSeconds:0} s");
    }

    private static async Task<(TimeSpan Elapsed, string Waits, TimeSpan ClientCpu)> RebuildInParallelAsync(CrmBench crm, int parallel)
    {
        var clock = Stopwatch.StartNew();
        var ((_, waits), cpu) = await ClientCpu.MeasureAsync(() => WaitSampler.SampleAsync(crm.Database.DataSource, async () =>
        {
            var results = await crm.Daemon.RebuildAsync(crm.Registry.Names, parallel);
            if (results.FirstOrDefault(r => r.DeadLetters.Count > 0) is { } failed)
            {
                throw new InvalidOperationException($"The rebuild of {failed.Projection} left {failed.DeadLetters.Count} dead letters.");
            }
            return true;
        }));
        var elapsed = clock.Elapsed;
        Console.Error.WriteLine($"rebuilt every read model, {parallel} at a time, in {elapsed.TotalSeconds:0.0} s");
        return (elapsed, waits, cpu);
    }

    private static async Task<(long Events, TimeSpan Elapsed)> ReadWholeLogAsync(CrmBench crm, int pageSize)
    {
        var clock = Stopwatch.StartNew();
        var checkpoint = Checkpoint.Start;
        long events = 0;
        while (true)
        {
            var page = await crm.Store.ReadAllAsync(checkpoint, new ReadAllOptions { MaxCount = pageSize });
            events += page.Events.Count;
            checkpoint = page.Next;
            if (page.IsCaughtUp)
            {
                return (events, clock.Elapsed);
            }
        }
    }
}
