namespace Crm.EventStore;

/// <summary>Which part of a stream to read, and how much at once.</summary>
public sealed record ReadStreamOptions
{
    /// <summary>Oldest first (the default) or newest first.</summary>
    public ReadDirection Direction { get; init; } = ReadDirection.Forward;

    /// <summary>
    /// The first version to return (inclusive). By default the stream's first event when reading
    /// forward, its newest (within the bounds below) when reading backward.
    /// </summary>
    public StreamVersion? FromVersion { get; init; }

    /// <summary>Time travel by version: the stream as it was at this version.</summary>
    public StreamVersion? UpToVersion { get; init; }

    /// <summary>
    /// Time travel by moment: the stream as the store knew it at this moment, i.e. its events
    /// recorded at or before it (database clock). Combined with <see cref="UpToVersion"/>, the
    /// lower bound wins.
    /// </summary>
    public DateTimeOffset? UpToMoment { get; init; }

    /// <summary>The most events one page holds: 1 to 10,000 (default 1,000).</summary>
    public int MaxCount { get; init; } = 1000;
}
