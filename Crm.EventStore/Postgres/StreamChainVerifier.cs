using System.Globalization;
using System.Text.Json;
using Crm.EventStore.Internal;

namespace Crm.EventStore.Postgres;

/// <summary>Recomputes one stream's hash chain, event by event in version order, and keeps the first violation.</summary>
internal sealed class StreamChainVerifier
{
    private readonly string _streamId;
    private long _expectedVersion = 1;
    private byte[] _head = [];

    public StreamChainVerifier(string streamId) => _streamId = streamId;

    public IntegrityViolation? Violation { get; private set; }

    public long EventsChecked { get; private set; }

    /// <summary>The version of the last event that verified.</summary>
    public long LastVersion { get; private set; }

    /// <summary>The recomputed hash of the last event that verified.</summary>
    public ReadOnlySpan<byte> Head => _head;

    public void Add(StoredEvent stored)
    {
        if (Violation is not null)
        {
            return;
        }
        EventsChecked++;
        if (stored.Version != _expectedVersion)
        {
            Violation = new IntegrityViolation(
                _streamId,
                new StreamVersion(_expectedVersion),
                new GlobalPosition(stored.Position),
                IntegrityViolationKind.VersionGap,
                Invariant($"Version {_expectedVersion} is missing: the next event stored is version {stored.Version} (position {stored.Position})."));
            return;
        }
        var computed = new byte[EventHashing.HashSize];
        try
        {
            EventHashing.ChainHash(_head, stored.Version, Timestamps.ToUnixMicroseconds(stored.RecordedAt), stored.ComputeContentDigest(), computed);
        }
        catch (Exception ex) when (ex is ArgumentException or JsonException)
        {
            Violation = Mismatch(stored, $"its stored content cannot be put in canonical form ({ex.Message})");
            return;
        }
        if (!computed.AsSpan().SequenceEqual(stored.Hash))
        {
            Violation = Mismatch(stored, "the hash recomputed from its content and its predecessor differs from the stored hash: its data, metadata, type, times or version were changed");
            return;
        }
        _head = computed;
        LastVersion = stored.Version;
        _expectedVersion++;
    }

    /// <summary>Compares the verified chain with the stream's record (null: the stream has no record).</summary>
    public void CompleteWithRecord(long? recordedVersion, byte[]? recordedHead)
    {
        if (Violation is not null)
        {
            return;
        }
        if (recordedVersion is not { } version)
        {
            if (EventsChecked > 0)
            {
                Violation = new IntegrityViolation(
                    _streamId,
                    new StreamVersion(1),
                    null,
                    IntegrityViolationKind.Missing,
                    "The stream has events but no stream record: its record was deleted.");
            }
            return;
        }
        if (version > LastVersion)
        {
            Violation = new IntegrityViolation(
                _streamId,
                new StreamVersion(LastVersion + 1),
                null,
                IntegrityViolationKind.Missing,
                Invariant($"The stream's record says version {version}, but its events end at version {LastVersion}: the newest events were deleted."));
        }
        else if (version < LastVersion)
        {
            Violation = new IntegrityViolation(
                _streamId,
                new StreamVersion(version + 1),
                null,
                IntegrityViolationKind.StreamRecordMismatch,
                Invariant($"The stream's record says version {version}, but events up to version {LastVersion} exist: events were added behind the store's back."));
        }
        else if (recordedHead is null || !_head.AsSpan().SequenceEqual(recordedHead))
        {
            Violation = new IntegrityViolation(
                _streamId,
                new StreamVersion(version),
                null,
                IntegrityViolationKind.StreamRecordMismatch,
                "The stream's recorded head hash differs from the hash of its newest event.");
        }
    }

    private IntegrityViolation Mismatch(StoredEvent stored, string reason) => new(
        _streamId,
        new StreamVersion(stored.Version),
        new GlobalPosition(stored.Position),
        IntegrityViolationKind.HashMismatch,
        Invariant($"Version {stored.Version} (position {stored.Position}) does not match: {reason}."));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
