using Crm.EventStore.Postgres;
using Npgsql;
using NpgsqlTypes;

namespace Crm.EventStore.Projections.Internal;

/// <summary>An event read inside a transaction: either readable, or the identity of one that could not be read and why.</summary>
internal sealed record ReadEvent(RecordedEvent? Event, FailedEvent Identity, Exception? Error);

/// <summary>
/// Reads the log in commit order inside a caller's transaction, i.e. in its snapshot. A rebuild's
/// last step needs exactly the events of the snapshot in which it compares or swaps the tables;
/// the catch-up read, on a connection of its own, cannot give that. Used only for the events after
/// a checkpoint that a catch-up read has already handed out, so every event before it is final.
/// </summary>
internal sealed class TransactionalEventReader(PostgresEventStore store, string[]? typeNames, IReadOnlyList<Type>? types)
{
    private readonly string _sql =
        $"SELECT {EventStoreSql.EventColumns} FROM {store.Sql.Events} AS e "
        + "WHERE (e.tx_id, e.position) > ($1, $2) AND (e.tx_id, e.position) <= ($3, $4) "
        + (typeNames is null ? "" : "AND e.type_name = ANY($6) ")
        + "ORDER BY e.tx_id, e.position LIMIT $5";

    /// <summary>Up to <paramref name="maxCount"/> events after <paramref name="after"/> and at most <paramref name="upTo"/>; an empty list when there are no more.</summary>
    public async Task<IReadOnlyList<ReadEvent>> ReadAsync(
        NpgsqlTransaction transaction, Checkpoint after, Checkpoint upTo, int maxCount, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(_sql, transaction.Connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = after.TransactionId, NpgsqlDbType = NpgsqlDbType.Xid8 });
        command.Parameters.Add(new NpgsqlParameter { Value = after.Position, NpgsqlDbType = NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter { Value = upTo.TransactionId, NpgsqlDbType = NpgsqlDbType.Xid8 });
        command.Parameters.Add(new NpgsqlParameter { Value = upTo.Position, NpgsqlDbType = NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter { Value = (long)maxCount, NpgsqlDbType = NpgsqlDbType.Bigint });
        if (typeNames is not null)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = typeNames, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        }
        var events = new List<ReadEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var stored = StoredEvent.Read(reader, 0);
            var identity = new FailedEvent(new Checkpoint(stored.TransactionId, stored.Position), stored.EventId, stored.StreamId, stored.Version, stored.TypeName);
            RecordedEvent recorded;
            try
            {
                recorded = stored.ToRecorded(store.Types, store.SerializerOptions);
            }
            catch (EventStoreException ex)
            {
                // The catch-up read would throw here; in a replay the event is handled like one that fails to apply.
                events.Add(new ReadEvent(null, identity, ex));
                continue;
            }
            if (types is null || types.Any(t => t.IsInstanceOfType(recorded.Data)))
            {
                events.Add(new ReadEvent(recorded, identity, null));
            }
            else
            {
                // Renamed or upcast to a type the projection does not want: it only moves the position.
                events.Add(new ReadEvent(null, identity, null));
            }
        }
        return events;
    }
}
