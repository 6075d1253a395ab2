using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Crm.EventStore.Internal;

/// <summary>
/// The integrity hashes. An event's content digest is SHA-256 over its canonical content; its hash
/// chains that digest to the previous event of its stream:
/// <c>hash = SHA-256(previous hash (empty for version 1) || version || recorded at || content digest)</c>,
/// with version and recorded-at microseconds since 1970 as big-endian 64-bit integers. The append
/// function computes the same chain in SQL.
/// </summary>
internal static class EventHashing
{
    public const int HashSize = 32;

    [ThreadStatic]
    private static ByteBuffer? t_content;

    // Names the layout below, so that a different canonical form could never collide with this one.
    private static ReadOnlySpan<byte> ContentTag => "event-content/1"u8;

    /// <summary>
    /// SHA-256 over the tag, then, each length-prefixed (big-endian 32-bit) where variable: the stream
    /// id (UTF-8), the event id (16 bytes, big-endian), the type name (UTF-8), the schema version
    /// (32-bit), occurred at (64-bit microseconds since 1970), the canonical data and the canonical metadata.
    /// </summary>
    public static byte[] ContentDigest(
        string streamId,
        Guid eventId,
        string typeName,
        int schemaVersion,
        long occurredAtMicroseconds,
        ReadOnlySpan<byte> canonicalData,
        ReadOnlySpan<byte> canonicalMetadata)
    {
        var content = t_content ??= new ByteBuffer(1024);
        content.Clear();
        WriteContentPrefix(content, streamId, eventId, typeName, schemaVersion, occurredAtMicroseconds);
        WriteLengthPrefixed(content, canonicalData);
        WriteLengthPrefixed(content, canonicalMetadata);
        return SHA256.HashData(content.WrittenSpan);
    }

    /// <summary>
    /// Writes what the content digest covers before the canonical data; an encoder then writes the
    /// data's length and the data itself in place, and hashes the whole buffer in one call.
    /// </summary>
    public static void WriteContentPrefix(
        ByteBuffer content,
        string streamId,
        Guid eventId,
        string typeName,
        int schemaVersion,
        long occurredAtMicroseconds)
    {
        content.Write(ContentTag);
        WriteLengthPrefixed(content, streamId);
        eventId.TryWriteBytes(content.GetSpan(16), bigEndian: true, out _);
        content.Advance(16);
        WriteLengthPrefixed(content, typeName);
        BinaryPrimitives.WriteInt32BigEndian(content.GetSpan(4), schemaVersion);
        content.Advance(4);
        BinaryPrimitives.WriteInt64BigEndian(content.GetSpan(8), occurredAtMicroseconds);
        content.Advance(8);
    }

    /// <summary>Reserves the 32-bit length prefix of a part written next; fill it in with <see cref="EndLengthPrefixed"/>.</summary>
    public static int BeginLengthPrefixed(ByteBuffer content)
    {
        content.GetSpan(4);
        content.Advance(4);
        return content.Length;
    }

    /// <summary>Fills in the length prefix reserved at <paramref name="start"/>; returns the part's length.</summary>
    public static int EndLengthPrefixed(ByteBuffer content, int start)
    {
        var length = content.Length - start;
        BinaryPrimitives.WriteInt32BigEndian(content.WrittenRange(start - 4, 4), length);
        return length;
    }

    public static void WriteLengthPrefixed(ByteBuffer content, ReadOnlySpan<byte> part)
    {
        BinaryPrimitives.WriteInt32BigEndian(content.GetSpan(4), part.Length);
        content.Advance(4);
        content.Write(part);
    }

    private static void WriteLengthPrefixed(ByteBuffer content, string text)
    {
        var length = Encoding.UTF8.GetByteCount(text);
        var span = content.GetSpan(4 + length);
        BinaryPrimitives.WriteInt32BigEndian(span, length);
        Encoding.UTF8.GetBytes(text, span[4..]);
        content.Advance(4 + length);
    }

    /// <summary>Chains a content digest to the previous hash of its stream (empty for the first event).</summary>
    public static void ChainHash(
        ReadOnlySpan<byte> previousHash,
        long version,
        long recordedAtMicroseconds,
        ReadOnlySpan<byte> contentDigest,
        Span<byte> destination)
    {
        Span<byte> input = stackalloc byte[HashSize + 8 + 8 + HashSize];
        previousHash.CopyTo(input);
        var offset = previousHash.Length;
        BinaryPrimitives.WriteInt64BigEndian(input[offset..], version);
        offset += 8;
        BinaryPrimitives.WriteInt64BigEndian(input[offset..], recordedAtMicroseconds);
        offset += 8;
        contentDigest.CopyTo(input[offset..]);
        offset += contentDigest.Length;
        SHA256.HashData(input[..offset], destination);
    }
}
