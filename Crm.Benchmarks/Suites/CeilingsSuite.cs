using Crm.Benchmarks.Harness;

namespace Crm.Benchmarks.Suites;

/// <summary>The ceilings alone: plain INSERTs at 1, 8 and 32 writers, a server-side batched INSERT and a binary COPY.</summary>
internal sealed class CeilingsSuite : ISuite
{
    public string Name => "ceilings";

    public string Description => "plain Npgsql INSERT throughput into a bare events-like table (the limits other suites are held to)";

    public async Task RunAsync(BenchOptions options)
    {
        await using var database = await BenchDatabase.CreateAsync(options);
        var report = new Report(Name);
        report.Context("postgres", await database.SettingsAsync());
        var row = new InteractionWorkload(seed: 1).CeilingRow();
        foreach (var workers in new[] { 1, 8, 32 })
        {
            var result = await Ceilings.SingleRowInsertsAsync(database.DataSource, workers, options.Duration, row);
            report.Add($"single-row INSERT, {workers} writer{(workers == 1 ? "" : "s")}", result.PerSecond, "rows/s", note: $"p50 {result.P50Ms:0.00} ms, p99 {result.P99Ms:0.00} ms");
        }
        var rows = options.Scale ?? 200_000;
        var (written, elapsed) = await Ceilings.BatchedInsertAsync(database.DataSource, rows, 1000, row);
        report.Add("batched INSERT … unnest, 1000 rows a statement", written / elapsed.TotalSeconds, "rows/s");
        (written, elapsed) = await Ceilings.BinaryCopyAsync(database.DataSource, rows, row);
        report.Add("binary COPY, one transaction", written / elapsed.TotalSeconds, "rows/s");
        await report.WriteAsync(options.OutputDirectory);
    }
}
