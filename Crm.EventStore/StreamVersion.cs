using System.Globalization;

namespace Crm.EventStore;

/// <summary>
/// The version of a stream: the number of events in it, which is also the version of its newest
/// event. The first event of a stream is version 1; <see cref="None"/> (0) is a stream with no events.
/// </summary>
public readonly record struct StreamVersion : IComparable<StreamVersion>
{
    /// <summary>Creates a version; it cannot be negative.</summary>
    public StreamVersion(long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        Value = value;
    }

    /// <summary>The version of a stream without events.</summary>
    public static StreamVersion None => default;

    /// <summary>The version as a number.</summary>
    public long Value { get; }

    /// <summary>The version that follows this one.</summary>
    public StreamVersion Next() => new(Value + 1);

    /// <inheritdoc />
    public int CompareTo(StreamVersion other) => Value.CompareTo(other.Value);

    public static bool operator <(StreamVersion left, StreamVersion right) => left.Value < right.Value;

    public static bool operator >(StreamVersion left, StreamVersion right) => left.Value > right.Value;

    public static bool operator <=(StreamVersion left, StreamVersion right) => left.Value <= right.Value;

    public static bool operator >=(StreamVersion left, StreamVersion right) => left.Value >= right.Value;

    /// <inheritdoc />
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
