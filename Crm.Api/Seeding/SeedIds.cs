using System.Buffers.Binary;
using Bogus;

namespace Crm.Api.Seeding;

/// <summary>Ids and sub-seeds derived from the seed, so the same seed always gives the same ids.</summary>
internal static class SeedIds
{
    /// <summary>
    /// A UUID version 7 (RFC 9562) for something that happened at <paramref name="at"/>: the
    /// millisecond timestamp in front, as <see cref="Guid.CreateVersion7()"/> would put it, and the
    /// random bits from <paramref name="random"/> instead of the system's generator.
    /// </summary>
    public static Guid Version7(Randomizer random, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(random);
        Span<byte> bytes = stackalloc byte[16];
        random.Bytes(16).CopyTo(bytes);
        var milliseconds = (ulong)at.ToUnixTimeMilliseconds();
        Span<byte> time = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(time, milliseconds);
        time[2..].CopyTo(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x70);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>
    /// A sub-seed for one part of the generation (a customer, a queue, the staff). The seed and the
    /// part's kind are mixed (SplitMix64) into a base, the number is added to it, and the sum goes
    /// through a 32-bit mixer that is a bijection: the parts of one kind get unrelated draws and,
    /// unlike a hash cut to 32 bits, never the same sub-seed (two customers with one sub-seed would
    /// live the same life, down to their ids).
    /// </summary>
    public static int Derive(int seed, SeedPart part, long number)
    {
        var z = unchecked(((ulong)(uint)seed << 32) ^ ((ulong)part << 24));
        z = unchecked(z + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        var h = unchecked((uint)z + (uint)number);
        h ^= h >> 16;
        h = unchecked(h * 0x85EBCA6BU);
        h ^= h >> 13;
        h = unchecked(h * 0xC2B2AE35U);
        h ^= h >> 16;
        return unchecked((int)h);
    }
}

/// <summary>The parts of a generated history that draw from random streams of their own.</summary>
internal enum SeedPart
{
    Staff = 1,
    Customer = 2,
    Queue = 3,
    Selection = 4,
}
