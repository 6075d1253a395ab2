namespace Crm.Messaging;

/// <summary>How the aggregate handler retries when concurrent writers race on a stream.</summary>
public sealed record AggregateHandlerOptions
{
    /// <summary>How many times a command is decided at most before the conflict is returned.</summary>
    public int MaxAttempts { get; init; } = 8;

    /// <summary>The first retry's delay ceiling; each further retry doubles it, up to <see cref="MaxDelay"/>. The actual delay is random below the ceiling (full jitter).</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(4);

    /// <summary>The largest delay ceiling between two attempts.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// How many streams' latest states the handler keeps, so that a command reads only the events
    /// appended since the handler last saw the stream instead of the whole stream; 0 turns it off.
    /// Safe with other writers and other processes: the events after the kept version are always read.
    /// </summary>
    public int StateCacheCapacity { get; init; } = 10_000;
}
