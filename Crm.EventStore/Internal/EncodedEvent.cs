namespace Crm.EventStore.Internal;

/// <summary>An event ready to be written: canonical JSON, content digest, and what the recorded event will show.</summary>
internal sealed class EncodedEvent
{
    public required string StreamId { get; init; }

    public required Guid EventId { get; init; }

    public required string TypeName { get; init; }

    public required int SchemaVersion { get; init; }

    public required byte[] Data { get; init; }

    public required byte[] Metadata { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public required byte[] ContentDigest { get; init; }

    /// <summary>The caller's event object (the recorded event's data, without a serialization round trip).</summary>
    public required object Original { get; init; }

    /// <summary>The caller's metadata with the occurred-at actually stored.</summary>
    public required EventMetadata RecordedMetadata { get; init; }

    public RecordedEvent ToRecorded(long version, long position, ulong transactionId, DateTimeOffset recordedAt, byte[] hash) => new()
    {
        EventId = EventId,
        StreamId = StreamId,
        Version = new StreamVersion(version),
        Position = new GlobalPosition(position),
        Checkpoint = new Checkpoint(transactionId, position),
        TypeName = TypeName,
        SchemaVersion = SchemaVersion,
        Data = Original,
        Metadata = RecordedMetadata,
        RecordedAt = recordedAt,
        Hash = hash,
    };
}
