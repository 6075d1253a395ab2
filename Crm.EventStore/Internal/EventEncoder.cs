using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;

namespace Crm.EventStore.Internal;

/// <summary>
/// Turns events to append into canonical JSON and content digests. Not thread-safe: one encoder
/// per append or import (it reuses its buffers from event to event).
/// </summary>
/// <remarks>
/// Per event: System.Text.Json serializes the data into a reused buffer; the canonical form is
/// written from it in one forward pass, straight into the buffer that holds what the content digest
/// covers (<see cref="EventHashing.ContentDigest"/>), after the prefix and before the metadata; that
/// buffer is hashed in one call. The only allocations are the results: the data and digest arrays
/// (and the metadata, once per metadata instance).
/// </remarks>
internal sealed class EventEncoder : IDisposable
{
    private readonly EventTypeRegistry _types;
    private readonly JsonSerializerOptions _options;
    private readonly ArrayBufferWriter<byte> _json = new(1024);
    private readonly ByteBuffer _content = new(2048);
    private readonly ByteBuffer _metadata = new(256);
    private readonly CanonicalJsonWriter _canonical = new();
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

        var occurredAt = eventData.Metadata.OccurredAt is { } given ? Timestamps.TruncateToMicroseconds(given) : _now;
        _content.Clear();
        EventHashing.WriteContentPrefix(
            _content,
            streamId,
            eventData.EventId,
            registration.Name,
            registration.SchemaVersion,
            Timestamps.ToUnixMicroseconds(occurredAt));
        var dataStart = EventHashing.BeginLengthPrefixed(_content);
        _canonical.Write(_json.WrittenSpan, _content);
        var dataLength = EventHashing.EndLengthPrefixed(_content, dataStart);
        if (dataLength == 0 || _content.WrittenSpan[dataStart] != (byte)'{')
        {
            throw new ArgumentException($"Event {registration.ClrType} ('{registration.Name}') must serialize to a JSON object.");
        }

        if (!ReferenceEquals(eventData.Metadata, _lastMetadata))
        {
            _metadata.Clear();
            MetadataJson.Write(eventData.Metadata, _metadata);
            _lastMetadataBytes = _metadata.ToArray();
            _lastRecordedMetadata = eventData.Metadata with { OccurredAt = occurredAt };
            _lastMetadata = eventData.Metadata;
        }
        var metadata = _lastMetadataBytes;
        EventHashing.WriteLengthPrefixed(_content, metadata);

        return new EncodedEvent
        {
            StreamId = streamId,
            EventId = eventData.EventId,
            TypeName = registration.Name,
            SchemaVersion = registration.SchemaVersion,
            Data = _content.WrittenSpan.Slice(dataStart, dataLength).ToArray(),
            Metadata = metadata,
            OccurredAt = occurredAt,
            ContentDigest = SHA256.HashData(_content.WrittenSpan),
            Original = eventData.Data,
            RecordedMetadata = _lastRecordedMetadata!,
        };
    }
}
