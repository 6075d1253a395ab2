using System.Globalization;

namespace Crm.Benchmarks.Harness;

/// <summary>
/// CPU time used by the suite's own PostgreSQL cluster (the postmaster, its live server processes
/// and those that have exited), read from <c>/proc</c>: with the service's CPU beside it, it says on
/// which side of the wire a request's time goes. Unknown (null) for a server given with
/// <c>--connection</c> or where <c>/proc</c> cannot be read.
/// </summary>
internal static class DatabaseCpu
{
    // USER_HZ: the unit of the times in /proc/<pid>/stat; 100 on every Linux this runs on.
    private const double TicksPerSecond = 100;

    /// <summary>The cluster's CPU time so far; null when it cannot be read.</summary>
    public static TimeSpan? Read(string? dataDirectory)
    {
        if (dataDirectory is null || !OperatingSystem.IsLinux())
        {
            return null;
        }
        try
        {
            var postmaster = int.Parse(File.ReadLines(Path.Combine(dataDirectory, "postmaster.pid")).First(), CultureInfo.InvariantCulture);
            long ticks = 0;
            var own = Fields(postmaster);
            if (own is null)
            {
                return null;
            }
            // utime + stime of the postmaster, cutime + cstime of the children it has reaped.
            ticks += own[11] + own[12] + own[13] + own[14];
            foreach (var directory in Directory.EnumerateDirectories("/proc"))
            {
                if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                    && pid != postmaster
                    && Fields(pid) is { } fields
                    && fields[1] == postmaster)
                {
                    ticks += fields[11] + fields[12];
                }
            }
            return TimeSpan.FromSeconds(ticks / TicksPerSecond);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The numeric fields of /proc/pid/stat after the command name (index 0 is the state, 1 the parent pid, 11–14 utime, stime, cutime, cstime); null when the process is gone.</summary>
    private static long[]? Fields(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        var parts = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        var fields = new long[15];
        for (var i = 1; i < fields.Length; i++)
        {
            fields[i] = long.Parse(parts[i], CultureInfo.InvariantCulture);
        }
        return fields;
    }
}
