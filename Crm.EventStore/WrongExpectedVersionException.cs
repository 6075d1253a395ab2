namespace Crm.EventStore;

/// <summary>A stream was not at the version an append expected; nothing was written.</summary>
public sealed class WrongExpectedVersionException : EventStoreConcurrencyException
{
    public WrongExpectedVersionException(string streamId, ExpectedVersion expectedVersion, StreamVersion actualVersion)
        : base(Describe(streamId, expectedVersion, actualVersion))
    {
        StreamId = streamId;
        ExpectedVersion = expectedVersion;
        ActualVersion = actualVersion;
    }

    /// <summary>The stream.</summary>
    public string StreamId { get; }

    /// <summary>What the append expected.</summary>
    public ExpectedVersion ExpectedVersion { get; }

    /// <summary>The stream's version when the append was refused (<see cref="StreamVersion.None"/>: no stream).</summary>
    public StreamVersion ActualVersion { get; }

    private static string Describe(string streamId, ExpectedVersion expected, StreamVersion actual) =>
        actual == StreamVersion.None
            ? $"Stream '{streamId}' was expected at {expected} but does not exist."
            : $"Stream '{streamId}' was expected at {expected} but is at version {actual}.";
}
