using System.Diagnostics;

namespace Crm.Benchmarks.Harness;

/// <summary>
/// CPU time this process spent during a measurement: on a machine shared with the server, it says
/// how much of the budget the client side (serialization, hashing, Npgsql) took.
/// </summary>
internal static class ClientCpu
{
    public static async Task<(T Result, TimeSpan Cpu)> MeasureAsync<T>(Func<Task<T>> run)
    {
        using var process = Process.GetCurrentProcess();
        var before = process.TotalProcessorTime;
        var result = await run();
        process.Refresh();
        return (result, process.TotalProcessorTime - before);
    }
}
