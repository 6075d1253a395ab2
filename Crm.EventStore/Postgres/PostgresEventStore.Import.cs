using System.Threading.Channels;
using Crm.EventStore.Internal;
using Npgsql;
using NpgsqlTypes;

namespace Crm.EventStore.Postgres;

public sealed partial class PostgresEventStore
{
    // Rows are handed from the encoder to the COPY in batches: a hand-off per row cost more CPU
    // (a thread-pool wake-up each time the COPY caught up) than encoding the row.
    private const int ImportBatchSize = 128;

    // Batches encoded ahead of the COPY: enough to keep both sides busy, little enough memory.
    private const int ImportPipelineDepth = 32;

    /// <inheritdoc />
    public async Task<ImportResult> ImportAsync(IReadOnlyList<StreamAppend> streams, CancellationToken cancellationToken = default)
    {
        var (appends, eventCount) = AppendBatch.Validate(streams, _types);
        await EnsureInitializedAsync(cancellationToken);

        var streamIds = new string[appends.Length];
        for (var i = 0; i < appends.Length; i++)
        {
            streamIds[i] = appends[i].StreamId;
        }

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var (heads, transactionId, recordedAt) = await ReadImportHeadsAsync(connection, transaction, streamIds, cancellationToken);

        var starts = new ImportStart[appends.Length];
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
            starts[i] = new ImportStart(actual.Value, found ? head.Hash : []);
        }

        // Encoding and hashing run on another thread while this one feeds COPY, so client and
        // server work at the same time. An event that cannot be stored stops the import part-way;
        // the transaction then rolls back and nothing is written.
        var recordedMicros = Timestamps.ToUnixMicroseconds(recordedAt);
        var rows = Channel.CreateBounded<ArraySegment<ImportRow>>(new BoundedChannelOptions(ImportPipelineDepth) { SingleReader = true, SingleWriter = true });
        using var stopEncoding = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var encoding = Task.Run(() => EncodeImportAsync(appends, starts, recordedMicros, rows.Writer, stopEncoding.Token), CancellationToken.None);

        var streamVersions = new long[appends.Length];
        var streamHeads = new byte[appends.Length][];
        var streamTypes = new string?[appends.Length];
        var written = _hooks.Length > 0 ? new ImportRow[eventCount] : null;
        var recordedAtUtc = Timestamps.ToUtcDateTime(recordedAt);
        try
        {
            await using var writer = await connection.BeginBinaryImportAsync(_sql.CopyEvents, cancellationToken);
            var k = 0;
            var batch = ArraySegment<ImportRow>.Empty;
            var next = 0;
            for (var i = 0; i < appends.Length; i++)
            {
                ImportRow row = default;
                for (var j = 0; j < appends[i].Events.Count; j++, k++)
                {
                    if (next == batch.Count)
                    {
                        batch = await NextBatchAsync(rows.Reader, encoding, cancellationToken);
                        next = 0;
                    }
                    row = batch[next++];
                    var e = row.Event;
                    // Synchronous writes: the row is already encoded in memory, and the importer
                    // only touches the socket when its buffer is full; the per-column async calls
                    // cost more than those occasional blocking flushes.
                    writer.StartRow();
                    writer.Write(e.StreamId, NpgsqlDbType.Text);
                    writer.Write(row.Version, NpgsqlDbType.Bigint);
                    writer.Write(e.EventId, NpgsqlDbType.Uuid);
                    writer.Write(e.TypeName, NpgsqlDbType.Text);
                    writer.Write(e.SchemaVersion, NpgsqlDbType.Integer);
                    writer.Write(e.Data, NpgsqlDbType.Jsonb);
                    writer.Write(e.Metadata, NpgsqlDbType.Jsonb);
                    writer.Write(Timestamps.ToUtcDateTime(e.OccurredAt), NpgsqlDbType.TimestampTz);
                    writer.Write(recordedAtUtc, NpgsqlDbType.TimestampTz);
                    writer.Write(row.Hash, NpgsqlDbType.Bytea);
                    if (written is not null)
                    {
                        written[k] = row;
                    }
                }
                streamVersions[i] = row.Version;
                streamHeads[i] = row.Hash;
                streamTypes[i] = appends[i].StreamType;
            }
            await writer.CompleteAsync(cancellationToken);
        }
        finally
        {
            await stopEncoding.CancelAsync();
            // The encoder's own failure, if any, already reached us through NextBatchAsync.
            await encoding.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
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

        if (written is not null)
        {
            var recorded = await RecordImportedAsync(connection, transaction, written, transactionId, recordedAt, cancellationToken);
            foreach (var hook in _hooks)
            {
                await hook.ApplyAsync(transaction, recorded, cancellationToken);
            }
        }
        await transaction.CommitAsync(cancellationToken);
        _notifier?.Signal();
        return new ImportResult(appends.Length, eventCount);
    }

    /// <summary>As in the append function: lock the streams, then read their heads, then take the transaction id and the clock; one round trip.</summary>
    private async Task<(Dictionary<string, (long Version, byte[] Hash, ulong TransactionId, bool Archived)> Heads, ulong TransactionId, DateTimeOffset RecordedAt)> ReadImportHeadsAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        string[] streamIds,
        CancellationToken cancellationToken)
    {
        var heads = new Dictionary<string, (long Version, byte[] Hash, ulong TransactionId, bool Archived)>(StringComparer.Ordinal);
        await using var prologue = new NpgsqlBatch(connection, transaction);
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
        return (heads, reader.GetFieldValue<ulong>(0), reader.GetFieldValue<DateTimeOffset>(1));
    }

    /// <summary>Encodes and chains every event in order, handing rows to the COPY.</summary>
    private async Task EncodeImportAsync(StreamAppend[] appends, ImportStart[] starts, long recordedMicros, ChannelWriter<ArraySegment<ImportRow>> rows, CancellationToken cancellationToken)
    {
        try
        {
            using var encoder = new EventEncoder(_types, _serializerOptions);
            var batch = new ImportRow[ImportBatchSize];
            var count = 0;
            for (var i = 0; i < appends.Length; i++)
            {
                var append = appends[i];
                var version = starts[i].Version;
                var previous = starts[i].Head;
                for (var j = 0; j < append.Events.Count; j++)
                {
                    var encoded = AppendBatch.Encode(encoder, append, j);
                    version++;
                    var hash = new byte[EventHashing.HashSize];
                    EventHashing.ChainHash(previous, version, recordedMicros, encoded.ContentDigest, hash);
                    previous = hash;
                    batch[count++] = new ImportRow(encoded, version, hash);
                    if (count == batch.Length)
                    {
                        await rows.WriteAsync(new ArraySegment<ImportRow>(batch), cancellationToken);
                        batch = new ImportRow[ImportBatchSize];
                        count = 0;
                    }
                }
            }
            if (count > 0)
            {
                await rows.WriteAsync(new ArraySegment<ImportRow>(batch, 0, count), cancellationToken);
            }
        }
        finally
        {
            rows.TryComplete();
        }
    }

    private static async ValueTask<ArraySegment<ImportRow>> NextBatchAsync(ChannelReader<ArraySegment<ImportRow>> rows, Task encoding, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (rows.TryRead(out var batch))
            {
                return batch;
            }
            if (!await rows.WaitToReadAsync(cancellationToken))
            {
                // The encoder stopped early: its exception explains why.
                await encoding;
                throw new InvalidOperationException("The import's encoder stopped before the last event.");
            }
        }
    }

    /// <summary>The imported events as recorded: COPY gave them positions in row order.</summary>
    private async Task<RecordedEvent[]> RecordImportedAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        ImportRow[] written,
        ulong transactionId,
        DateTimeOffset recordedAt,
        CancellationToken cancellationToken)
    {
        var recorded = new RecordedEvent[written.Length];
        await using var command = new NpgsqlCommand(_sql.PositionsOfTransaction, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = transactionId, NpgsqlDbType = NpgsqlDbType.Xid8 });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var k = 0;
        while (await reader.ReadAsync(cancellationToken) && k < recorded.Length)
        {
            var row = written[k];
            recorded[k] = row.Event.ToRecorded(row.Version, reader.GetInt64(0), transactionId, recordedAt, row.Hash);
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

    /// <summary>Where a stream's imported events start: its current version and head hash.</summary>
    private readonly record struct ImportStart(long Version, byte[] Head);

    /// <summary>One encoded, chained event ready for the COPY.</summary>
    private readonly record struct ImportRow(EncodedEvent Event, long Version, byte[] Hash);
}
