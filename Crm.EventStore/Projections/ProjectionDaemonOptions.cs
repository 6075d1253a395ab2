using Npgsql;

namespace Crm.EventStore.Projections;

/// <summary>How a <see cref="ProjectionDaemon"/> runs.</summary>
public sealed record ProjectionDaemonOptions
{
    /// <summary>This instance's name in status and logs (default: machine, process id and a random suffix).</summary>
    public string InstanceId { get; init; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>
    /// How often a caught-up projection looks for new events when no notification arrives (default
    /// 5 seconds). Appends notify, so this only bounds the delay when notifications are lost.
    /// </summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How often the daemon tries to take the projections another instance runs, and checks its own
    /// lock connection (default 2 seconds): when an instance dies, another takes over within about this long.
    /// </summary>
    public TimeSpan LeadershipInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The first wait after a transient error (default 100 ms); it doubles on each retry.</summary>
    public TimeSpan RetryInitialDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest wait between retries (default 30 seconds).</summary>
    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Events per transaction when a rebuild replays the log: 1 to 10,000 (default 1,000).</summary>
    public int RebuildBatchSize { get; init; } = 1000;

    /// <summary>How long a rebuild's swap waits for the locks on the live tables before it gives up and tries again (default 5 seconds).</summary>
    public TimeSpan SwapLockTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Where the daemon opens the connections that hold session state while they are open: the
    /// leadership's advisory locks, the LISTEN for wake-ups, a rebuild's guard lock. These must come
    /// from a data source that resets a pooled connection before reusing it (Npgsql's default), so a
    /// lock or a LISTEN can never outlive its owner on a reused connection. Null (the default) uses
    /// the store's data source; set it when the store's data source is built with
    /// <c>No Reset On Close</c> to spare its appends and reads the reset.
    /// </summary>
    public NpgsqlDataSource? SessionDataSource { get; init; }

    /// <summary>Receives what the daemon reports (must not throw); null to drop it.</summary>
    public Action<ProjectionDiagnostic>? Diagnostics { get; init; }

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(InstanceId, nameof(InstanceId));
        if (InstanceId.Length > 200)
        {
            throw new ArgumentException("An instance id has at most 200 characters.", nameof(InstanceId));
        }
        Positive(PollInterval, nameof(PollInterval));
        Positive(LeadershipInterval, nameof(LeadershipInterval));
        Positive(RetryInitialDelay, nameof(RetryInitialDelay));
        Positive(RetryMaxDelay, nameof(RetryMaxDelay));
        Positive(SwapLockTimeout, nameof(SwapLockTimeout));
        if (RetryMaxDelay < RetryInitialDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(RetryMaxDelay), RetryMaxDelay, "The longest retry delay cannot be shorter than the first.");
        }
        if (RebuildBatchSize is < 1 or > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(RebuildBatchSize), RebuildBatchSize, "A rebuild's batch size is 1 to 10,000 events.");
        }
    }

    private static void Positive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero || value.TotalMilliseconds > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(name, value, "Use a positive duration of at most about 24 days.");
        }
    }
}
