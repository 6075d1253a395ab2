using System.Globalization;

namespace Crm.EventStore;

/// <summary>
/// The position of an event in the whole store: unique and increasing in the order events were
/// written, but not in the order they committed, and with gaps where a transaction rolled back.
/// Catch-up readers use a <see cref="Checkpoint"/>, not a position.
/// </summary>
public readonly record struct GlobalPosition : IComparable<GlobalPosition>
{
    /// <summary>Creates a position; it cannot be negative.</summary>
    public GlobalPosition(long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        Value = value;
    }

    /// <summary>The position as a number.</summary>
    public long Value { get; }

    /// <inheritdoc />
    public int CompareTo(GlobalPosition other) => Value.CompareTo(other.Value);

    public static bool operator <(GlobalPosition left, GlobalPosition right) => left.Value < right.Value;

    public static bool operator >(GlobalPosition left, GlobalPosition right) => left.Value > right.Value;

    public static bool operator <=(GlobalPosition left, GlobalPosition right) => left.Value <= right.Value;

    public static bool operator >=(GlobalPosition left, GlobalPosition right) => left.Value >= right.Value;

    /// <inheritdoc />
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
