using System.Text.Json;
using Crm.EventStore.Internal;
using Npgsql;

namespace Crm.EventStore.Postgres;

/// <summary>An events row as stored, before deserialization; read from <see cref="EventStoreSql.EventColumns"/>.</summary>
internal sealed class StoredEvent
{
    public required long Position { get; init; }

    public required string StreamId { get; init; }

    public required long Version { get; init; }

    public required Guid EventId { get; init; }

    public required string TypeName { get; init; }

    public required int SchemaVersion { get; init; }

    public required byte[] Data { get; init; }

    public required byte[] Metadata { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public required DateTimeOffset RecordedAt { get; init; }

    public required ulong TransactionId { get; init; }

    public required byte[] Hash { get; init; }

    /// <summary>Reads the event columns starting at <paramref name="offset"/>.</summary>
    public static StoredEvent Read(NpgsqlDataReader reader, int offset) => new()
    {
        Position = reader.GetInt64(offset),
        StreamId = reader.GetString(offset + 1),
        Version = reader.GetInt64(offset + 2),
        EventId = reader.GetGuid(offset + 3),
        TypeName = reader.GetString(offset + 4),
        SchemaVersion = reader.GetInt32(offset + 5),
        Data = reader.GetFieldValue<byte[]>(offset + 6),
        Metadata = reader.GetFieldValue<byte[]>(offset + 7),
        OccurredAt = reader.GetFieldValue<DateTimeOffset>(offset + 8),
        RecordedAt = reader.GetFieldValue<DateTimeOffset>(offset + 9),
        TransactionId = reader.GetFieldValue<ulong>(offset + 10),
        Hash = reader.GetFieldValue<byte[]>(offset + 11),
    };

    /// <summary>Deserializes (with upcasting) into a recorded event.</summary>
    /// <exception cref="UnknownEventTypeException">The stored type name or schema version is unknown.</exception>
    public RecordedEvent ToRecorded(EventTypeRegistry types, JsonSerializerOptions options)
    {
        object data;
        EventMetadata metadata;
        try
        {
            data = types.Deserialize(TypeName, SchemaVersion, Data, options);
            metadata = MetadataJson.Read(Metadata, OccurredAt);
        }
        catch (JsonException ex)
        {
            throw new EventStoreException($"Event {StreamId}@{Version} ('{TypeName}', schema version {SchemaVersion}) could not be read: {ex.Message}", ex);
        }
        return new RecordedEvent
        {
            EventId = EventId,
            StreamId = StreamId,
            Version = new StreamVersion(Version),
            Position = new GlobalPosition(Position),
            Checkpoint = new Checkpoint(TransactionId, Position),
            TypeName = TypeName,
            SchemaVersion = SchemaVersion,
            Data = data,
            Metadata = metadata,
            RecordedAt = RecordedAt,
            Hash = Hash,
        };
    }

    /// <summary>The SHA-256 digest of the event's canonical content, recomputed from what is stored.</summary>
    public byte[] ComputeContentDigest() =>
        EventHashing.ContentDigest(
            StreamId,
            EventId,
            TypeName,
            SchemaVersion,
            Timestamps.ToUnixMicroseconds(OccurredAt),
            CanonicalJson.Canonicalize(Data),
            CanonicalJson.Canonicalize(Metadata));
}
