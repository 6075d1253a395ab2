using System.Globalization;

namespace Crm.EventStore;

/// <summary>
/// What an append expects of the stream's current version (optimistic concurrency): any version,
/// no stream yet, an existing stream, or exactly one version. When the stream does not match,
/// the append throws <see cref="WrongExpectedVersionException"/> and writes nothing.
/// </summary>
public readonly record struct ExpectedVersion
{
    private const long AnyValue = -1;
    private const long StreamExistsValue = -2;

    private readonly long _value;

    private ExpectedVersion(long value) => _value = value;

    /// <summary>Appends whatever the stream's version (creating the stream if needed).</summary>
    public static ExpectedVersion Any => new(AnyValue);

    /// <summary>The stream must not exist yet; the same as <c>Exactly(0)</c>.</summary>
    public static ExpectedVersion NoStream => new(0);

    /// <summary>The stream must already have at least one event.</summary>
    public static ExpectedVersion StreamExists => new(StreamExistsValue);

    /// <summary>The stream must be at exactly this version (0: it must not exist yet).</summary>
    public static ExpectedVersion Exactly(long version)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(version);
        return new ExpectedVersion(version);
    }

    /// <summary>The stream must be at exactly this version (<see cref="StreamVersion.None"/>: it must not exist yet).</summary>
    public static ExpectedVersion Exactly(StreamVersion version) => new(version.Value);

    /// <summary>The version the stream must be at, when this expects an exact version.</summary>
    public StreamVersion? ExactVersion => _value >= 0 ? new StreamVersion(_value) : null;

    /// <summary>Whether this accepts any version.</summary>
    public bool IsAny => _value == AnyValue;

    /// <summary>The wire form of the append function: -1 any, -2 an existing stream, n exactly n.</summary>
    internal long Value => _value;

    /// <summary>Whether a stream at <paramref name="actual"/> satisfies this expectation.</summary>
    public bool IsSatisfiedBy(StreamVersion actual) => _value switch
    {
        AnyValue => true,
        StreamExistsValue => actual.Value > 0,
        _ => actual.Value == _value,
    };

    /// <inheritdoc />
    public override string ToString() => _value switch
    {
        AnyValue => "any version",
        StreamExistsValue => "an existing stream",
        0 => "no stream",
        _ => string.Create(CultureInfo.InvariantCulture, $"version {_value}"),
    };
}
