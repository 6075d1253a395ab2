namespace Crm.EventStore.Internal;

/// <summary>A growable byte buffer for writing canonical forms without per-byte indirection.</summary>
internal sealed class ByteBuffer
{
    private byte[] _bytes;
    private int _length;

    public ByteBuffer(int capacity = 256) => _bytes = new byte[Math.Max(capacity, 16)];

    public int Length => _length;

    public ReadOnlySpan<byte> WrittenSpan => _bytes.AsSpan(0, _length);

    public void Clear() => _length = 0;

    /// <summary>Part of what was written, for filling in a value reserved earlier.</summary>
    public Span<byte> WrittenRange(int start, int length) => _bytes.AsSpan(0, _length).Slice(start, length);

    /// <summary>Drops everything written after the first <paramref name="length"/> bytes.</summary>
    public void Truncate(int length)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, _length);
        _length = length;
    }

    public byte[] ToArray() => WrittenSpan.ToArray();

    public void Write(byte value)
    {
        if (_length == _bytes.Length)
        {
            Grow(1);
        }
        _bytes[_length++] = value;
    }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        if (_bytes.Length - _length < bytes.Length)
        {
            Grow(bytes.Length);
        }
        bytes.CopyTo(_bytes.AsSpan(_length));
        _length += bytes.Length;
    }

    public void WriteRepeated(byte value, int count)
    {
        if (_bytes.Length - _length < count)
        {
            Grow(count);
        }
        _bytes.AsSpan(_length, count).Fill(value);
        _length += count;
    }

    /// <summary>Space for at least <paramref name="size"/> bytes at the end; commit what was used with <see cref="Advance"/>.</summary>
    public Span<byte> GetSpan(int size)
    {
        if (_bytes.Length - _length < size)
        {
            Grow(size);
        }
        return _bytes.AsSpan(_length);
    }

    public void Advance(int count) => _length += count;

    private void Grow(int needed)
    {
        var size = Math.Max(_bytes.Length * 2, _length + needed);
        Array.Resize(ref _bytes, size);
    }
}
