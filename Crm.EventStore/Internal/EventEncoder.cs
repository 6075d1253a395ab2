using System.Buffers;
using System.Text.Json;

namespace Crm.EventStore.Internal;

/// <summary>
/// Turns events to append into canonical JSON and content digests. Not thread-safe: one encoder
/// per append (it reuses its buffers from event to event).
/// </summary>
internal sealed class EventEncoder : IDisposable
{
    private readonly EventTypeRegistry _types;
    private readonly JsonSerializerOptions _options;
    private readonly ArrayBufferWriter<byte> _json = new(1024);
    private readonly ByteBuffer _canonical = new(1024);
    private readonly DateTimeOffset _now = Timestamps.TruncateToMicroseconds(DateTimeOffset.UtcNow);
    private Utf8JsonWriter? _writer;

    // Events of one command usually share one metadata instance: encode it once.
    private EventMetadata? _lastMetadata;
    private byte[] _lastMetadataBytes = [];
    private EventMetadata? _lastRecordedMetadata;

    public EventEncoder(EventTypeRegistry types, JsonSerializerOptions options)
    {
        _types = types;
        _options = options;
    }

    public void Dispose() => _writer?.Dispose();

    /// <exception cref="UnknownEventTypeException">The event's type is not registered.</exception>
    /// <exception cref="ArgumentException">The event cannot be stored (see <see cref="CanonicalJson"/>).</exception>
    public EncodedEvent Encode(string streamId, EventData eventData)
    {
        var registration = _types.Resolve(eventData.Data.GetType());

        _json.ResetWrittenCount();
        if (_writer is null)
        {
            _writer = new Utf8JsonWriter(_json);
        }
        else
        {
            _writer.Reset(_json);
        }
        JsonSerializer.Serialize(_writer, eventData.Data, _options.GetTypeInfo(registration.ClrType));
        _writer.Flush();

        _canonical.Clear();
        CanonicalJson.Write(_json.WrittenMemory, _canonical);
        var data = _canonical.ToArray();
        if (data.Length == 0 || data[0] != (byte)'{')
        {
            throw new ArgumentException($"Event {registration.ClrType} ('{registration.Name}') must serialize to a JSON object.");
        }

        var occurredAt = eventData.Metadata.OccurredAt is { } given ? Timestamps.TruncateToMicroseconds(given) : _now;
        if (!ReferenceEquals(eventData.Metadata, _lastMetadata))
        {
            _canonical.Clear();
            MetadataJson.Write(eventData.Metadata, _canonical);
            _lastMetadataBytes = _canonical.ToArray();
            _lastRecordedMetadata = eventData.Metadata with { OccurredAt = occurredAt };
            _lastMetadata = eventData.Metadata;
        }
        var metadata = _lastMetadataBytes;
        var digest = EventHashing.ContentDigest(
            streamId,
            eventData.EventId,
            registration.Name,
            registration.SchemaVersion,
            Timestamps.ToUnixMicroseconds(occurredAt),
            data,
            metadata);

        return new EncodedEvent
        {
            StreamId = streamId,
            EventId = eventData.EventId,
            TypeName = registration.Name,
            SchemaVersion = registration.SchemaVersion,
            Data = data,
            Metadata = metadata,
            OccurredAt = occurredAt,
            ContentDigest = digest,
            Original = eventData.Data,
            RecordedMetadata = _lastRecordedMetadata!,
        };
    }
}
