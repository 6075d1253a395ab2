using System.Runtime.InteropServices;

namespace Crm.Benchmarks.Harness;

/// <summary>The machine a figure was measured on.</summary>
internal static class MachineInfo
{
    public static object Describe() => new
    {
        cores = Environment.ProcessorCount,
        memoryGiB = Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024), 1),
        os = RuntimeInformation.OSDescription,
        runtime = RuntimeInformation.FrameworkDescription,
        cpu = CpuModel(),
    };

    private static string CpuModel()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
