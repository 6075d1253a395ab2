using System.Globalization;
using Npgsql;

namespace Crm.Benchmarks.Harness;

/// <summary>
/// A poor man's server profile: samples what the suite's database sessions wait on
/// (<c>pg_stat_activity</c>) while a load runs, so a report says where the time went
/// (e.g. <c>Lock:object</c>, <c>IO:WALSync</c>, <c>LWLock:WALWrite</c>, or running).
/// </summary>
internal static class WaitSampler
{
    private const string Sample = """
        SELECT coalesce(wait_event_type || ':' || wait_event, 'running')
          FROM pg_stat_activity
         WHERE datname = current_database() AND state = 'active'
           AND backend_type = 'client backend' AND pid <> pg_backend_pid()
        """;

    // Often enough for a hundred samples in a short run, rarely enough to cost the load little.
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(20);

    /// <summary>Runs <paramref name="load"/> while sampling, and summarises the waits seen.</summary>
    public static async Task<(T Result, string Waits)> SampleAsync<T>(NpgsqlDataSource dataSource, Func<Task<T>> load)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        using var stop = new CancellationTokenSource();
        var sampling = Task.Run(() => LoopAsync(dataSource, counts, stop.Token));
        try
        {
            var result = await load();
            await stop.CancelAsync();
            await sampling;
            return (result, Summary(counts));
        }
        finally
        {
            // Also when the load failed: sampling must not outlive the suite's database.
            if (!sampling.IsCompleted)
            {
                await stop.CancelAsync();
                await sampling;
            }
        }
    }

    /// <summary>The share of sampled active sessions per wait event, largest first.</summary>
    private static string Summary(Dictionary<string, long> counts)
    {
        var total = counts.Values.Sum();
        if (total == 0)
        {
            return "waits: no active session sampled";
        }
        var top = counts.OrderByDescending(c => c.Value).Take(4)
            .Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key} {100.0 * c.Value / total:0}%"));
        return "waits: " + string.Join(", ", top);
    }

    private static async Task LoopAsync(NpgsqlDataSource dataSource, Dictionary<string, long> counts, CancellationToken stop)
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(stop);
            await using var command = new NpgsqlCommand(Sample, connection);
            await command.PrepareAsync(stop);
            while (!stop.IsCancellationRequested)
            {
                await using (var reader = await command.ExecuteReaderAsync(stop))
                {
                    while (await reader.ReadAsync(stop))
                    {
                        var key = reader.GetString(0);
                        counts[key] = counts.GetValueOrDefault(key) + 1;
                    }
                }
                await Task.Delay(Interval, stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopping is the normal end of sampling.
        }
    }
}
