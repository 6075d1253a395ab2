namespace Crm.EventStore;

/// <summary>Events to append to one stream, with the version the stream is expected to be at.</summary>
/// <param name="StreamId">The stream; not empty, at most 512 characters.</param>
/// <param name="ExpectedVersion">What the stream's current version must be.</param>
/// <param name="Events">The events, at least one.</param>
public sealed record StreamAppend(string StreamId, ExpectedVersion ExpectedVersion, IReadOnlyList<EventData> Events)
{
    /// <summary>A free label for the kind of stream, stored when the stream is created.</summary>
    public string? StreamType { get; init; }
}
