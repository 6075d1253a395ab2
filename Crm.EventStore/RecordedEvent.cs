namespace Crm.EventStore;

/// <summary>An event as stored: its place in its stream and in the store, its metadata and its data as the current CLR type.</summary>
public sealed class RecordedEvent
{
    /// <summary>The event's id.</summary>
    public required Guid EventId { get; init; }

    /// <summary>The stream the event belongs to.</summary>
    public required string StreamId { get; init; }

    /// <summary>The event's version in its stream (1 for the first).</summary>
    public required StreamVersion Version { get; init; }

    /// <summary>The event's position in the whole store.</summary>
    public required GlobalPosition Position { get; init; }

    /// <summary>The event's place in the commit-ordered log, for catch-up readers.</summary>
    public required Checkpoint Checkpoint { get; init; }

    /// <summary>The stable name the event was stored under.</summary>
    public required string TypeName { get; init; }

    /// <summary>The schema version the event was stored with (before any upcasting).</summary>
    public required int SchemaVersion { get; init; }

    /// <summary>The event, upcast to the type currently registered for it.</summary>
    public required object Data { get; init; }

    /// <summary>Who, why and when (with <see cref="EventMetadata.OccurredAt"/> always set).</summary>
    public required EventMetadata Metadata { get; init; }

    /// <summary>When the fact happened in the business's world.</summary>
    public DateTimeOffset OccurredAt => Metadata.OccurredAt!.Value;

    /// <summary>When the store recorded the event, on the database's clock.</summary>
    public required DateTimeOffset RecordedAt { get; init; }

    /// <summary>The event's integrity hash (SHA-256, chained to the previous event of its stream).</summary>
    public required ReadOnlyMemory<byte> Hash { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{StreamId}@{Version} {TypeName} (position {Position})";
}
