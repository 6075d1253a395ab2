using Crm.EventStore.Internal;
using Npgsql;
using NpgsqlTypes;

namespace Crm.EventStore.Postgres;

public sealed partial class PostgresEventStore
{
    /// <inheritdoc />
    public async Task<AppendResult> AppendAsync(
        string streamId,
        ExpectedVersion expectedVersion,
        IReadOnlyList<EventData> events,
        CancellationToken cancellationToken = default)
    {
        StreamIds.Validate(streamId, nameof(streamId));
        ArgumentNullException.ThrowIfNull(events);
        var results = await AppendCoreAsync([new StreamAppend(streamId, expectedVersion, events)], null, cancellationToken);
        return results[0];
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<AppendResult>> AppendAsync(IReadOnlyList<StreamAppend> appends, CancellationToken cancellationToken = default) =>
        AppendCoreAsync(appends, null, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<AppendResult>> AppendAsync(
        IReadOnlyList<StreamAppend> appends,
        NpgsqlTransaction transaction,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        if (transaction.Connection is null)
        {
            throw new ArgumentException("The transaction is already committed or rolled back.", nameof(transaction));
        }
        return AppendCoreAsync(appends, transaction, cancellationToken);
    }

    private async Task<IReadOnlyList<AppendResult>> AppendCoreAsync(
        IReadOnlyList<StreamAppend> appends,
        NpgsqlTransaction? callerTransaction,
        CancellationToken cancellationToken)
    {
        // Everything the caller can get wrong is found here, before the database is touched.
        var batch = AppendBatch.Create(appends, _types, _serializerOptions);
        await EnsureInitializedAsync(cancellationToken);

        if (callerTransaction is not null)
        {
            // The store cannot see the caller's commit, so the notification goes into the caller's
            // transaction: PostgreSQL delivers it when, and only if, that transaction commits.
            return await ExecuteAppendAsync(callerTransaction.Connection!, callerTransaction, batch, notifyInTransaction: _notify, cancellationToken);
        }
        IReadOnlyList<AppendResult> results;
        await using (var connection = await _dataSource.OpenConnectionAsync(cancellationToken))
        {
            if (_hooks.Length == 0)
            {
                // The common case: one statement in its own implicit transaction, one round trip.
                results = await ExecuteAppendAsync(connection, null, batch, notifyInTransaction: false, cancellationToken);
            }
            else
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                results = await ExecuteAppendAsync(connection, transaction, batch, notifyInTransaction: false, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
        }
        // Committed: wake listeners from outside the transaction (see AppendNotifier).
        _notifier?.Signal();
        return results;
    }

    private async Task<IReadOnlyList<AppendResult>> ExecuteAppendAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction? transaction,
        AppendBatch batch,
        bool notifyInTransaction,
        CancellationToken cancellationToken)
    {
        var recorded = new RecordedEvent[batch.Events.Length];
        await using (var command = CreateAppendCommand(connection, transaction, batch, notifyInTransaction))
        {
            // Prepared once per physical connection; later calls find it prepared and send nothing.
            await command.PrepareAsync(cancellationToken);
            var count = 0;
            try
            {
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    var status = reader.GetInt32(0);
                    if (status != 0)
                    {
                        throw AppendRefused(status, batch.Streams[reader.GetInt32(1) - 1], reader.GetInt64(2));
                    }
                    recorded[count] = batch.Events[count].ToRecorded(
                        reader.GetInt64(2),
                        reader.GetInt64(3),
                        reader.GetFieldValue<ulong>(5),
                        reader.GetFieldValue<DateTimeOffset>(4),
                        reader.GetFieldValue<byte[]>(6));
                    count++;
                }
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                // Only reachable when the caller's transaction reads an older snapshot
                // (repeatable read) than the stream's newest commit.
                throw new EventStoreConcurrencyException(
                    "A concurrent append wrote the same stream version first; nothing was written. Read the stream again and retry.", ex);
            }
            if (count != recorded.Length)
            {
                throw new InvalidOperationException($"The append function recorded {count} events of {recorded.Length}.");
            }
        }

        if (transaction is not null)
        {
            foreach (var hook in _hooks)
            {
                await hook.ApplyAsync(transaction, recorded, cancellationToken);
            }
        }
        return Group(batch.Streams, recorded);
    }

    private NpgsqlCommand CreateAppendCommand(NpgsqlConnection connection, NpgsqlTransaction? transaction, AppendBatch batch, bool notifyInTransaction)
    {
        var streams = batch.Streams;
        var single = streams.Length == 1;
        var command = new NpgsqlCommand(single ? _sql.AppendToStream : _sql.Append, connection, transaction);
        var parameters = command.Parameters;
        if (single)
        {
            parameters.Add(new NpgsqlParameter { Value = streams[0].StreamId, NpgsqlDbType = NpgsqlDbType.Text });
            parameters.Add(new NpgsqlParameter { Value = (object?)streams[0].StreamType ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            parameters.Add(new NpgsqlParameter { Value = streams[0].ExpectedVersion.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        }
        else
        {
            var streamIds = new string[streams.Length];
            var streamTypes = new string?[streams.Length];
            var expected = new long[streams.Length];
            var counts = new int[streams.Length];
            for (var i = 0; i < streams.Length; i++)
            {
                streamIds[i] = streams[i].StreamId;
                streamTypes[i] = streams[i].StreamType;
                expected[i] = streams[i].ExpectedVersion.Value;
                counts[i] = streams[i].Events.Count;
            }
            parameters.Add(new NpgsqlParameter { Value = streamIds, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            parameters.Add(new NpgsqlParameter { Value = streamTypes, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            parameters.Add(new NpgsqlParameter { Value = expected, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
            parameters.Add(new NpgsqlParameter { Value = counts, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer });
        }

        var events = batch.Events;
        var eventIds = new Guid[events.Length];
        var typeNames = new string[events.Length];
        var schemaVersions = new int[events.Length];
        var data = new byte[events.Length][];
        var metadata = new byte[events.Length][];
        var occurredAt = new DateTime[events.Length];
        var digests = new byte[events.Length][];
        for (var k = 0; k < events.Length; k++)
        {
            var e = events[k];
            eventIds[k] = e.EventId;
            typeNames[k] = e.TypeName;
            schemaVersions[k] = e.SchemaVersion;
            data[k] = e.Data;
            metadata[k] = e.Metadata;
            occurredAt[k] = Timestamps.ToUtcDateTime(e.OccurredAt);
            digests[k] = e.ContentDigest;
        }
        parameters.Add(new NpgsqlParameter { Value = eventIds, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        parameters.Add(new NpgsqlParameter { Value = typeNames, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter { Value = schemaVersions, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer });
        parameters.Add(new NpgsqlParameter { Value = data, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
        parameters.Add(new NpgsqlParameter { Value = metadata, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
        parameters.Add(new NpgsqlParameter { Value = occurredAt, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        parameters.Add(new NpgsqlParameter { Value = digests, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
        parameters.Add(new NpgsqlParameter { Value = notifyInTransaction ? _sql.NotificationChannel : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        return command;
    }

    private static EventStoreException AppendRefused(int status, StreamAppend stream, long actualVersion) => status switch
    {
        1 => new WrongExpectedVersionException(stream.StreamId, stream.ExpectedVersion, new StreamVersion(actualVersion)),
        2 => new StreamArchivedException(stream.StreamId),
        3 => new EventStoreConcurrencyException(
            $"Stream '{stream.StreamId}' was written by a transaction that started writing after this one; nothing was written. "
            + "Appending behind it would break the commit order catch-up readers rely on: retry in a new transaction, "
            + "or append before the transaction's other writes."),
        _ => new EventStoreException($"The append function answered with the unknown status {status}."),
    };

    /// <summary>Splits the recorded events (in argument order) into one result per stream.</summary>
    private static AppendResult[] Group(StreamAppend[] streams, RecordedEvent[] recorded)
    {
        var results = new AppendResult[streams.Length];
        var offset = 0;
        for (var i = 0; i < streams.Length; i++)
        {
            var count = streams[i].Events.Count;
            var events = new ArraySegment<RecordedEvent>(recorded, offset, count);
            results[i] = new AppendResult(streams[i].StreamId, recorded[offset + count - 1].Version, events);
            offset += count;
        }
        return results;
    }
}
