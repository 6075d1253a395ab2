namespace Crm.EventStore.Postgres;

/// <summary>The store's SQL for one schema, built once.</summary>
internal sealed class EventStoreSql
{
    /// <summary>The columns <see cref="StoredEvent.Read"/> reads, in its order.</summary>
    public const string EventColumns =
        "e.position, e.stream_id, e.version, e.event_id, e.type_name, e.schema_version, e.data, e.metadata, e.occurred_at, e.recorded_at, e.tx_id, e.hash";

    public EventStoreSql(string schema)
    {
        Schema = schema;
        var s = QuotedSchema = $"\"{schema}\"";
        Events = $"{s}.events";
        Streams = $"{s}.streams";
        NotificationChannel = $"{schema}_appended";

        Append = $"SELECT status, stream_index, version, position, recorded_at, tx_id, hash FROM {s}.append_events($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)";
        AppendToStream = $"SELECT status, stream_index, version, position, recorded_at, tx_id, hash FROM {s}.append_to_stream($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)";

        const string StreamFilter = "e.stream_id = $1 AND e.version >= $2 AND e.version <= $3";
        var momentFilter = $" AND e.version < coalesce((SELECT min(m.version) FROM {Events} AS m WHERE m.stream_id = $1 AND m.recorded_at > $5), 9223372036854775807)";
        ReadStreamForward = $"SELECT {EventColumns} FROM {Events} AS e WHERE {StreamFilter} ORDER BY e.version LIMIT $4";
        ReadStreamBackward = $"SELECT {EventColumns} FROM {Events} AS e WHERE {StreamFilter} ORDER BY e.version DESC LIMIT $4";
        ReadStreamForwardAsOf = $"SELECT {EventColumns} FROM {Events} AS e WHERE {StreamFilter}{momentFilter} ORDER BY e.version LIMIT $4";
        ReadStreamBackwardAsOf = $"SELECT {EventColumns} FROM {Events} AS e WHERE {StreamFilter}{momentFilter} ORDER BY e.version DESC LIMIT $4";

        // The horizon and the events come from one statement, hence one snapshot: every
        // transaction older than the horizon has finished in that snapshot, so no event can
        // appear later below the checkpoint handed out.
        const string Horizon = "WITH horizon AS MATERIALIZED (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS xmin) ";
        var allFilter = $"FROM {Events} AS e WHERE (e.tx_id, e.position) > ($1, $2) AND e.tx_id < h.xmin";
        ReadAll = $"{Horizon}SELECT h.xmin, {EventColumns} FROM horizon AS h LEFT JOIN LATERAL (SELECT {EventColumns} {allFilter} ORDER BY e.tx_id, e.position LIMIT $3) AS e ON true";
        ReadAllOfTypes = $"{Horizon}SELECT h.xmin, {EventColumns} FROM horizon AS h LEFT JOIN LATERAL (SELECT {EventColumns} {allFilter} AND e.type_name = ANY($4) ORDER BY e.tx_id, e.position LIMIT $3) AS e ON true";

        GetStream = $"SELECT id, type, version, created_at, updated_at, archived FROM {Streams} WHERE id = $1";
        ArchiveStream = $"UPDATE {Streams} SET archived = true WHERE id = $1";

        LockStreams = $"SELECT {s}.lock_streams($1)";
        ReadStreamHeads = $"SELECT id, version, head_hash, head_tx_id, archived FROM {Streams} WHERE id = ANY($1)";
        CopyEvents = $"COPY {Events} (stream_id, version, event_id, type_name, schema_version, data, metadata, occurred_at, recorded_at, hash) FROM STDIN (FORMAT BINARY)";
        UpsertStreams =
            $"INSERT INTO {Streams} AS s (id, type, version, created_at, updated_at, archived, head_hash, head_tx_id) "
            + "SELECT u.id, u.type, u.version, $4, $4, false, u.head_hash, pg_current_xact_id() FROM unnest($1::text[], $2::text[], $3::bigint[], $5::bytea[]) AS u(id, type, version, head_hash) "
            + "ON CONFLICT (id) DO UPDATE SET version = excluded.version, updated_at = excluded.updated_at, head_hash = excluded.head_hash, "
            + "head_tx_id = excluded.head_tx_id, type = coalesce(s.type, excluded.type)";
        PositionsOfTransaction = $"SELECT e.position FROM {Events} AS e WHERE e.tx_id = $1 ORDER BY e.position";

        VerifyStreamRecord = $"SELECT id, version, head_hash FROM {Streams} WHERE id = $1";
        VerifyStreamEvents = $"SELECT {EventColumns} FROM {Events} AS e WHERE e.stream_id = $1 ORDER BY e.version";
        VerifyStreamRecords = $"SELECT id, version, head_hash FROM {Streams} WHERE ($1::text IS NULL OR id > $1) ORDER BY id LIMIT $2";
        VerifyEventRange =
            $"SELECT {EventColumns} FROM {Events} AS e WHERE ($1::text IS NULL OR e.stream_id > $1) AND ($2::text IS NULL OR e.stream_id <= $2) ORDER BY e.stream_id, e.version";
        VerifyEventRangeUpTo =
            $"SELECT {EventColumns} FROM {Events} AS e WHERE ($1::text IS NULL OR e.stream_id > $1) AND ($2::text IS NULL OR e.stream_id <= $2) "
            + "AND (e.tx_id, e.position) <= ($3, $4) ORDER BY e.stream_id, e.version";
    }

    public string Schema { get; }

    public string QuotedSchema { get; }

    public string Events { get; }

    public string Streams { get; }

    public string NotificationChannel { get; }

    public string Append { get; }

    public string AppendToStream { get; }

    public string ReadStreamForward { get; }

    public string ReadStreamBackward { get; }

    public string ReadStreamForwardAsOf { get; }

    public string ReadStreamBackwardAsOf { get; }

    public string ReadAll { get; }

    public string ReadAllOfTypes { get; }

    public string GetStream { get; }

    public string ArchiveStream { get; }

    public string LockStreams { get; }

    public string ReadStreamHeads { get; }

    public string CopyEvents { get; }

    public string UpsertStreams { get; }

    public string PositionsOfTransaction { get; }

    public string VerifyStreamRecord { get; }

    public string VerifyStreamEvents { get; }

    public string VerifyStreamRecords { get; }

    public string VerifyEventRange { get; }

    public string VerifyEventRangeUpTo { get; }

    /// <summary>The snapshot's horizon: every transaction with a smaller id has finished.</summary>
    public static string Horizon => "SELECT pg_snapshot_xmin(pg_current_snapshot())";
}
