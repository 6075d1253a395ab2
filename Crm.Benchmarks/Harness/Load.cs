using System.Diagnostics;

namespace Crm.Benchmarks.Harness;

/// <summary>What a concurrent load achieved: operations, failures by kind, and latencies.</summary>
internal sealed record LoadResult(int Workers, long Operations, long Failures, TimeSpan Elapsed, double P50Ms, double P99Ms)
{
    public double PerSecond => Operations / Elapsed.TotalSeconds;
}

/// <summary>
/// Runs an operation from N workers for a fixed time (bounded in count and time, loopback only) and
/// measures throughput and per-operation latency.
/// </summary>
internal static class Load
{
    /// <summary>
    /// <paramref name="operation"/> gets the worker index and the worker's sequence number and says
    /// whether it succeeded (false counts as a failure, e.g. a concurrency conflict).
    /// </summary>
    public static async Task<LoadResult> RunAsync(int workers, TimeSpan duration, long maxOperationsPerWorker, Func<int, long, Task<bool>> operation)
    {
        var latencies = new List<double>[workers];
        var failures = new long[workers];
        var start = Stopwatch.GetTimestamp();
        var deadline = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var tasks = new Task[workers];
        for (var w = 0; w < workers; w++)
        {
            var worker = w;
            latencies[worker] = new List<double>(1 << 16);
            tasks[worker] = Task.Run(async () =>
            {
                for (long i = 0; i < maxOperationsPerWorker && Stopwatch.GetTimestamp() < deadline; i++)
                {
                    var before = Stopwatch.GetTimestamp();
                    var ok = await operation(worker, i);
                    var after = Stopwatch.GetTimestamp();
                    if (ok)
                    {
                        latencies[worker].Add((after - before) * 1000.0 / Stopwatch.Frequency);
                    }
                    else
                    {
                        failures[worker]++;
                    }
                }
            });
        }
        await Task.WhenAll(tasks);
        var elapsed = Stopwatch.GetElapsedTime(start);
        var all = latencies.SelectMany(l => l).ToArray();
        Array.Sort(all);
        return new LoadResult(workers, all.Length, failures.Sum(), elapsed, Percentile(all, 0.50), Percentile(all, 0.99));
    }

    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
