using Crm.EventStore.Internal;
using Npgsql;
using NpgsqlTypes;

namespace Crm.EventStore.Postgres;

public sealed partial class PostgresEventStore
{
    /// <inheritdoc />
    public async Task<ImportResult> ImportAsync(IReadOnlyList<StreamAppend> streams, CancellationToken cancellationToken = default)
    {
        var batch = AppendBatch.Create(streams, _types, _serializerOptions);
        await EnsureInitializedAsync(cancellationToken);

        var appends = batch.Streams;
        var streamIds = new string[appends.Length];
        for (var i = 0; i < appends.Length; i++)
        {
            streamIds[i] = appends[i].StreamId;
        }

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // As in the append function: lock, then read the heads, then take the transaction id and
        // the clock, all in one round trip.
        var heads = new Dictionary<string, (long Version, byte[] Hash, ulong TransactionId, bool Archived)>(StringComparer.Ordinal);
        ulong transactionId;
        DateTimeOffset recordedAt;
        await using (var prologue = new NpgsqlBatch(connection, transaction))
        {
            prologue.BatchCommands.Add(Command(_sql.LockStreams, streamIds));
            prologue.BatchCommands.Add(Command(_sql.ReadStreamHeads, streamIds));
            prologue.BatchCommands.Add(new NpgsqlBatchCommand("SELECT pg_current_xact_id(), clock_timestamp()"));
            await using var reader = await prologue.ExecuteReaderAsync(cancellationToken);
            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                heads[reader.GetString(0)] = (reader.GetInt64(1), reader.GetFieldValue<byte[]>(2), reader.GetFieldValue<ulong>(3), reader.GetBoolean(4));
            }
            await reader.NextResultAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            transactionId = reader.GetFieldValue<ulong>(0);
            recordedAt = reader.GetFieldValue<DateTimeOffset>(1);
        }

        var recordedMicros = Timestamps.ToUnixMicroseconds(recordedAt);
        var versions = new long[batch.Events.Length];
        var hashes = new byte[batch.Events.Length][];
        var streamVersions = new long[appends.Length];
        var streamHeads = new byte[appends.Length][];
        var streamTypes = new string?[appends.Length];
        var k = 0;
        for (var i = 0; i < appends.Length; i++)
        {
            var append = appends[i];
            var found = heads.TryGetValue(append.StreamId, out var head);
            var actual = new StreamVersion(found ? head.Version : 0);
            if (!append.ExpectedVersion.IsSatisfiedBy(actual))
            {
                throw new WrongExpectedVersionException(append.StreamId, append.ExpectedVersion, actual);
            }
            if (found && head.Archived)
            {
                throw new StreamArchivedException(append.StreamId);
            }
            if (found && head.TransactionId > transactionId)
            {
                throw AppendRefused(3, append, actual.Value);
            }
            var previous = found ? head.Hash : [];
            var version = actual.Value;
            for (var j = 0; j < append.Events.Count; j++, k++)
            {
                version++;
                var hash = new byte[EventHashing.HashSize];
                EventHashing.ChainHash(previous, version, recordedMicros, batch.Events[k].ContentDigest, hash);
                versions[k] = version;
                hashes[k] = hash;
                previous = hash;
            }
            streamVersions[i] = version;
            streamHeads[i] = previous;
            streamTypes[i] = append.StreamType;
        }

        var recordedAtUtc = Timestamps.ToUtcDateTime(recordedAt);
        await using (var writer = await connection.BeginBinaryImportAsync(_sql.CopyEvents, cancellationToken))
        {
            for (k = 0; k < batch.Events.Length; k++)
            {
                var e = batch.Events[k];
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(e.StreamId, NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(versions[k], NpgsqlDbType.Bigint, cancellationToken);
                await writer.WriteAsync(e.EventId, NpgsqlDbType.Uuid, cancellationToken);
                await writer.WriteAsync(e.TypeName, NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(e.SchemaVersion, NpgsqlDbType.Integer, cancellationToken);
                await writer.WriteAsync(e.Data, NpgsqlDbType.Jsonb, cancellationToken);
                await writer.WriteAsync(e.Metadata, NpgsqlDbType.Jsonb, cancellationToken);
                await writer.WriteAsync(Timestamps.ToUtcDateTime(e.OccurredAt), NpgsqlDbType.TimestampTz, cancellationToken);
                await writer.WriteAsync(recordedAtUtc, NpgsqlDbType.TimestampTz, cancellationToken);
                await writer.WriteAsync(hashes[k], NpgsqlDbType.Bytea, cancellationToken);
            }
            await writer.CompleteAsync(cancellationToken);
        }

        await using (var upsert = new NpgsqlCommand(_sql.UpsertStreams, connection, transaction))
        {
            upsert.Parameters.Add(new NpgsqlParameter { Value = streamIds, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            upsert.Parameters.Add(new NpgsqlParameter { Value = streamTypes, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            upsert.Parameters.Add(new NpgsqlParameter { Value = streamVersions, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
            upsert.Parameters.Add(new NpgsqlParameter { Value = recordedAtUtc, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            upsert.Parameters.Add(new NpgsqlParameter { Value = streamHeads, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }

        if (_hooks.Length > 0)
        {
            var recorded = await RecordImportedAsync(connection, transaction, batch, transactionId, versions, hashes, recordedAt, cancellationToken);
            foreach (var hook in _hooks)
            {
                await hook.ApplyAsync(transaction, recorded, cancellationToken);
            }
        }
        if (_notify)
        {
            await using var notify = new NpgsqlCommand("SELECT pg_notify($1, '')", connection, transaction);
            notify.Parameters.Add(new NpgsqlParameter { Value = _sql.NotificationChannel, NpgsqlDbType = NpgsqlDbType.Text });
            await notify.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return new ImportResult(appends.Length, batch.Events.Length);
    }

    /// <summary>The imported events as recorded: COPY gave them positions in row order.</summary>
    private async Task<RecordedEvent[]> RecordImportedAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        AppendBatch batch,
        ulong transactionId,
        long[] versions,
        byte[][] hashes,
        DateTimeOffset recordedAt,
        CancellationToken cancellationToken)
    {
        var recorded = new RecordedEvent[batch.Events.Length];
        await using var command = new NpgsqlCommand(_sql.PositionsOfTransaction, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = transactionId, NpgsqlDbType = NpgsqlDbType.Xid8 });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var k = 0;
        while (await reader.ReadAsync(cancellationToken) && k < recorded.Length)
        {
            recorded[k] = batch.Events[k].ToRecorded(versions[k], reader.GetInt64(0), transactionId, recordedAt, hashes[k]);
            k++;
        }
        if (k != recorded.Length)
        {
            throw new InvalidOperationException($"The import wrote {k} events of {recorded.Length}.");
        }
        return recorded;
    }

    private static NpgsqlBatchCommand Command(string sql, string[] streamIds)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = streamIds, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        return command;
    }
}
