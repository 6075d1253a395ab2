using System.Buffers.Binary;
using System.Data;
using System.Security.Cryptography;
using System.Text;
using Crm.EventStore.Internal;
using Npgsql;
using NpgsqlTypes;

namespace Crm.EventStore.Postgres;

public sealed partial class PostgresEventStore
{
    private const int VerifyBatchSize = 1000;

    /// <inheritdoc />
    public async Task<IntegrityReport> VerifyStreamAsync(string streamId, CancellationToken cancellationToken = default)
    {
        StreamIds.Validate(streamId, nameof(streamId));
        await EnsureInitializedAsync(cancellationToken);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        // One snapshot for the record and the events, so concurrent appends cannot look like damage.
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);

        long? recordedVersion = null;
        byte[]? recordedHead = null;
        await using (var command = new NpgsqlCommand(_sql.VerifyStreamRecord, connection, transaction))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = streamId, NpgsqlDbType = NpgsqlDbType.Text });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                recordedVersion = reader.GetInt64(1);
                recordedHead = reader.GetFieldValue<byte[]>(2);
            }
        }

        var verifier = new StreamChainVerifier(streamId);
        await using (var command = new NpgsqlCommand(_sql.VerifyStreamEvents, connection, transaction))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = streamId, NpgsqlDbType = NpgsqlDbType.Text });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                verifier.Add(StoredEvent.Read(reader, 0));
            }
        }
        verifier.CompleteWithRecord(recordedVersion, recordedHead);
        await transaction.CommitAsync(cancellationToken);

        var streams = recordedVersion is null && verifier.EventsChecked == 0 ? 0 : 1;
        return new IntegrityReport(streams, verifier.EventsChecked, verifier.Violation is { } violation ? [violation] : []);
    }

    /// <inheritdoc />
    public async Task<IntegrityReport> VerifyAllAsync(CancellationToken cancellationToken = default)
    {
        await EnsureInitializedAsync(cancellationToken);
        var scan = await ScanAsync(null, digest: false, cancellationToken);
        return scan.Report;
    }

    /// <inheritdoc />
    public async Task<StoreDigest> ComputeDigestAsync(Checkpoint? upTo = null, CancellationToken cancellationToken = default)
    {
        await EnsureInitializedAsync(cancellationToken);
        var scan = await ScanAsync(upTo, digest: true, cancellationToken);
        if (!scan.Report.IsIntact)
        {
            var first = scan.Report.Violations[0];
            throw new EventStoreIntegrityException(
                $"The store fails verification up to {scan.Digest!.UpTo} ({scan.Report.Violations.Count} broken streams; first: '{first.StreamId}' at version {first.Version}: {first.Description}); "
                + "a digest of it would certify damaged data.",
                scan.Report);
        }
        return scan.Digest!;
    }

    /// <inheritdoc />
    public async Task<DigestCheckResult> CheckDigestAsync(StoreDigest recorded, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        await EnsureInitializedAsync(cancellationToken);
        var scan = await ScanAsync(recorded.UpTo, digest: true, cancellationToken);
        return new DigestCheckResult(recorded, scan.Digest!, scan.Report);
    }

    /// <summary>
    /// Walks every stream in id (byte) order, in batches of stream records, each with the events of
    /// its id range, recomputing the chains; with <paramref name="digest"/>, only events up to a
    /// final checkpoint count and their heads are hashed into the store digest.
    /// </summary>
    private async Task<(IntegrityReport Report, StoreDigest? Digest)> ScanAsync(Checkpoint? upTo, bool digest, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);

        Checkpoint? limit = null;
        if (digest)
        {
            ulong horizon;
            await using (var command = new NpgsqlCommand(EventStoreSql.Horizon, connection, transaction))
            {
                horizon = (ulong)(await command.ExecuteScalarAsync(cancellationToken))!;
            }
            var final = new Checkpoint(horizon - 1, long.MaxValue);
            if (upTo is { } given && given > final)
            {
                throw new ArgumentException(
                    $"The checkpoint {given} is not final yet: transactions from {horizon} on are still running and may add events before it. Use a checkpoint at or before {final}.",
                    nameof(upTo));
            }
            limit = upTo ?? final;
        }

        var violations = new List<IntegrityViolation>();
        long streams = 0, events = 0, digestStreams = 0;
        using var digestHash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        digestHash.AppendData("store-digest/1"u8);

        void Finish(string streamId, StreamChainVerifier verifier, (long Version, byte[] Head)? record)
        {
            // Up to a checkpoint a stream may have moved on since, so its record is not compared.
            if (limit is null)
            {
                verifier.CompleteWithRecord(record?.Version, record?.Head);
            }
            else if (record is null)
            {
                verifier.CompleteWithRecord(null, null);
            }
            if (verifier.EventsChecked == 0 && verifier.Violation is null)
            {
                return;
            }
            streams++;
            events += verifier.EventsChecked;
            if (verifier.Violation is { } violation)
            {
                violations.Add(violation);
            }
            if (verifier.EventsChecked > 0)
            {
                AppendDigestEntry(digestHash, streamId, verifier);
                digestStreams++;
            }
        }

        string? lower = null;
        while (true)
        {
            var records = new List<(string Id, long Version, byte[] Head)>(VerifyBatchSize);
            await using (var command = new NpgsqlCommand(_sql.VerifyStreamRecords, connection, transaction))
            {
                command.Parameters.Add(new NpgsqlParameter { Value = (object?)lower ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
                command.Parameters.Add(new NpgsqlParameter { Value = VerifyBatchSize, NpgsqlDbType = NpgsqlDbType.Integer });
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    records.Add((reader.GetString(0), reader.GetInt64(1), reader.GetFieldValue<byte[]>(2)));
                }
            }
            // The last batch takes every event beyond the previous one, so events without a record are seen too.
            var upper = records.Count == VerifyBatchSize ? records[^1].Id : null;

            var next = 0;
            await using (var command = new NpgsqlCommand(limit is null ? _sql.VerifyEventRange : _sql.VerifyEventRangeUpTo, connection, transaction))
            {
                command.Parameters.Add(new NpgsqlParameter { Value = (object?)lower ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
                command.Parameters.Add(new NpgsqlParameter { Value = (object?)upper ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
                if (limit is { } checkpoint)
                {
                    command.Parameters.Add(new NpgsqlParameter { Value = checkpoint.TransactionId, NpgsqlDbType = NpgsqlDbType.Xid8 });
                    command.Parameters.Add(new NpgsqlParameter { Value = checkpoint.Position, NpgsqlDbType = NpgsqlDbType.Bigint });
                }
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                StreamChainVerifier? current = null;
                string? currentId = null;
                (long, byte[])? currentRecord = null;
                while (await reader.ReadAsync(cancellationToken))
                {
                    var stored = StoredEvent.Read(reader, 0);
                    if (!string.Equals(stored.StreamId, currentId, StringComparison.Ordinal))
                    {
                        if (current is not null)
                        {
                            Finish(currentId!, current, currentRecord);
                        }
                        // Records before this stream have no events in range.
                        while (next < records.Count && CompareCodePoints(records[next].Id, stored.StreamId) < 0)
                        {
                            Finish(records[next].Id, new StreamChainVerifier(records[next].Id), (records[next].Version, records[next].Head));
                            next++;
                        }
                        currentId = stored.StreamId;
                        current = new StreamChainVerifier(currentId);
                        currentRecord = null;
                        if (next < records.Count && string.Equals(records[next].Id, currentId, StringComparison.Ordinal))
                        {
                            currentRecord = (records[next].Version, records[next].Head);
                            next++;
                        }
                    }
                    current!.Add(stored);
                }
                if (current is not null)
                {
                    Finish(currentId!, current, currentRecord);
                }
            }
            for (; next < records.Count; next++)
            {
                Finish(records[next].Id, new StreamChainVerifier(records[next].Id), (records[next].Version, records[next].Head));
            }
            if (upper is null)
            {
                break;
            }
            lower = upper;
        }
        await transaction.CommitAsync(cancellationToken);

        var report = new IntegrityReport(streams, events, violations);
        StoreDigest? storeDigest = null;
        if (limit is { } covered)
        {
            storeDigest = new StoreDigest(covered, Convert.ToHexStringLower(digestHash.GetHashAndReset()), digestStreams, events);
        }
        return (report, storeDigest);
    }

    /// <summary>One stream's entry: its id (length-prefixed UTF-8), its head version and its recomputed head hash.</summary>
    private static void AppendDigestEntry(IncrementalHash hash, string streamId, StreamChainVerifier verifier)
    {
        var id = Encoding.UTF8.GetBytes(streamId);
        Span<byte> numbers = stackalloc byte[12];
        BinaryPrimitives.WriteInt32BigEndian(numbers, id.Length);
        hash.AppendData(numbers[..4]);
        hash.AppendData(id);
        BinaryPrimitives.WriteInt64BigEndian(numbers, verifier.LastVersion);
        hash.AppendData(numbers[..8]);
        hash.AppendData(verifier.Head);
    }

    /// <summary>Orders strings as PostgreSQL's "C" collation does: by code point (UTF-8 byte order), not by UTF-16 unit.</summary>
    private static int CompareCodePoints(string left, string right)
    {
        var a = left.EnumerateRunes();
        var b = right.EnumerateRunes();
        while (true)
        {
            var hasA = a.MoveNext();
            var hasB = b.MoveNext();
            if (!hasA || !hasB)
            {
                return hasA ? 1 : hasB ? -1 : 0;
            }
            var byValue = a.Current.Value.CompareTo(b.Current.Value);
            if (byValue != 0)
            {
                return byValue;
            }
        }
    }
}
