using System.Buffers;
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
        var streamLength = Encoding.UTF8.GetByteCount(streamId);
        var typeLength = Encoding.UTF8.GetByteCount(typeName);
        var total = ContentTag.Length + 4 + streamLength + 16 + 4 + typeLength + 4 + 8 + 4 + canonicalData.Length + 4 + canonicalMetadata.Length;
        var rented = ArrayPool<byte>.Shared.Rent(total);
        try
        {
            var span = rented.AsSpan(0, total);
            var offset = 0;
            ContentTag.CopyTo(span);
            offset += ContentTag.Length;
            BinaryPrimitives.WriteInt32BigEndian(span[offset..], streamLength);
            offset += 4;
            offset += Encoding.UTF8.GetBytes(streamId, span[offset..]);
            eventId.TryWriteBytes(span[offset..], bigEndian: true, out _);
            offset += 16;
            BinaryPrimitives.WriteInt32BigEndian(span[offset..], typeLength);
            offset += 4;
            offset += Encoding.UTF8.GetBytes(typeName, span[offset..]);
            BinaryPrimitives.WriteInt32BigEndian(span[offset..], schemaVersion);
            offset += 4;
            BinaryPrimitives.WriteInt64BigEndian(span[offset..], occurredAtMicroseconds);
            offset += 8;
            BinaryPrimitives.WriteInt32BigEndian(span[offset..], canonicalData.Length);
            offset += 4;
            canonicalData.CopyTo(span[offset..]);
            offset += canonicalData.Length;
            BinaryPrimitives.WriteInt32BigEndian(span[offset..], canonicalMetadata.Length);
            offset += 4;
            canonicalMetadata.CopyTo(span[offset..]);
            return SHA256.HashData(span);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
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
