using Npgsql;
using NpgsqlTypes;

namespace Crm.EventStore.Projections.Internal;

/// <summary>The engine's rows: checkpoints, pause and error state, owners, rebuild markers and dead letters.</summary>
internal sealed partial class ProjectionStorage(NpgsqlDataSource dataSource, string quotedSchema, string eventsTable)
{
    private readonly string _checkpoints = $"{quotedSchema}.projection_checkpoints";
    private readonly string _deadLetters = $"{quotedSchema}.projection_dead_letters";

    public NpgsqlDataSource DataSource => dataSource;

    public string EventsTable => eventsTable;

    /// <summary>Makes sure every projection has its row (a new one starts at the beginning of the log).</summary>
    public async Task RegisterAsync(IReadOnlyList<RegisteredProjection> projections, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"INSERT INTO {_checkpoints} AS c (name, kind) SELECT * FROM unnest($1::text[], $2::text[]) "
            + "ON CONFLICT (name) DO UPDATE SET kind = EXCLUDED.kind WHERE c.kind <> EXCLUDED.kind");
        command.Parameters.Add(Text([.. projections.Select(p => p.Name)]));
        command.Parameters.Add(Text([.. projections.Select(p => KindText(p.Kind))]));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The stored checkpoint and whether the projection is paused.</summary>
    public async Task<(Checkpoint Checkpoint, bool Paused)> LoadAsync(string name, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT checkpoint_tx, checkpoint_position, paused FROM {_checkpoints} WHERE name = $1");
        command.Parameters.Add(Text(name));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? (new Checkpoint(reader.GetFieldValue<ulong>(0), reader.GetInt64(1)), reader.GetBoolean(2))
            : throw new InvalidOperationException($"Projection '{name}' has no checkpoint row; the daemon registers it on start.");
    }

    /// <summary>
    /// Locks the projection's row for the rest of the transaction and reads it. Every write of the
    /// projection's tables happens under this lock and checks the checkpoint it expects, so two
    /// writers (a former leader that has not noticed yet, a rebuild's swap) never both apply an event.
    /// </summary>
    public async Task<(Checkpoint Checkpoint, bool Paused)> LockAsync(NpgsqlTransaction transaction, string name, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT checkpoint_tx, checkpoint_position, paused FROM {_checkpoints} WHERE name = $1 FOR UPDATE", transaction.Connection, transaction);
        command.Parameters.Add(Text(name));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? (new Checkpoint(reader.GetFieldValue<ulong>(0), reader.GetInt64(1)), reader.GetBoolean(2))
            : throw new InvalidOperationException($"Projection '{name}' has no checkpoint row; the daemon registers it on start.");
    }

    /// <summary>Moves the checkpoint and counts the events applied, in the caller's transaction.</summary>
    public async Task AdvanceAsync(NpgsqlTransaction transaction, string name, Checkpoint checkpoint, long applied, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"UPDATE {_checkpoints} SET checkpoint_tx = $2, checkpoint_position = $3, events_applied = events_applied + $4, updated_at = now() WHERE name = $1",
            transaction.Connection,
            transaction);
        command.Parameters.Add(Text(name));
        command.Parameters.Add(Xid(checkpoint.TransactionId));
        command.Parameters.Add(Bigint(checkpoint.Position));
        command.Parameters.Add(Bigint(applied));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Records the last error, and pauses the projection when <paramref name="pause"/>, in the caller's transaction.</summary>
    public async Task RecordErrorAsync(NpgsqlTransaction transaction, string name, Exception error, FailedEvent? failed, bool pause, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(RecordErrorSql, transaction.Connection, transaction);
        AddErrorParameters(command, name, error, failed, pause);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Records an error on its own (a transient one: the database may be the problem, so failing to
    /// record it is reported, not thrown). A paused projection keeps the error it paused on.
    /// </summary>
    public async Task RecordErrorAsync(string name, Exception error, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(RecordErrorSql);
        AddErrorParameters(command, name, error, null, pause: false);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Adds dead letters, in the caller's transaction.</summary>
    public Task AddDeadLettersAsync(NpgsqlTransaction transaction, string name, IReadOnlyList<(FailedEvent Event, Exception Error)> letters, CancellationToken cancellationToken) =>
        AddDeadLettersAsync(transaction, name, [.. letters.Select(l => (l.Event, ErrorType(l.Error), ErrorMessage(l.Error)))], cancellationToken);

    /// <summary>Adds dead letters with their error's type and message as recorded, in the caller's transaction.</summary>
    public async Task AddDeadLettersAsync(
        NpgsqlTransaction transaction, string name, IReadOnlyList<(FailedEvent Event, string ErrorType, string Message)> letters, CancellationToken cancellationToken)
    {
        if (letters.Count == 0)
        {
            return;
        }
        await using var command = new NpgsqlCommand(
            $"INSERT INTO {_deadLetters} (projection, event_tx, event_position, event_id, stream_id, stream_version, type_name, error_type, error_message) "
            + "SELECT $1, * FROM unnest($2::xid8[], $3::bigint[], $4::uuid[], $5::text[], $6::bigint[], $7::text[], $8::text[], $9::text[]) "
            + "ON CONFLICT (projection, event_position) DO UPDATE SET error_type = EXCLUDED.error_type, error_message = EXCLUDED.error_message, recorded_at = now()",
            transaction.Connection,
            transaction);
        command.Parameters.Add(Text(name));
        command.Parameters.Add(new NpgsqlParameter { Value = letters.Select(l => l.Event.Checkpoint.TransactionId).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Xid8 });
        command.Parameters.Add(new NpgsqlParameter { Value = letters.Select(l => l.Event.Position).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter { Value = letters.Select(l => l.Event.EventId).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        command.Parameters.Add(Text([.. letters.Select(l => l.Event.StreamId)]));
        command.Parameters.Add(new NpgsqlParameter { Value = letters.Select(l => l.Event.Version).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        command.Parameters.Add(Text([.. letters.Select(l => l.Event.TypeName)]));
        command.Parameters.Add(Text([.. letters.Select(l => l.ErrorType)]));
        command.Parameters.Add(Text([.. letters.Select(l => l.Message)]));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Removes a projection's dead letters, in the caller's transaction (a rebuild replaces them with its own).</summary>
    public async Task ClearDeadLettersAsync(NpgsqlTransaction transaction, string name, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"DELETE FROM {_deadLetters} WHERE projection = $1", transaction.Connection, transaction);
        command.Parameters.Add(Text(name));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<DeadLetter>> ReadDeadLettersAsync(string name, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT event_tx, event_position, event_id, stream_id, stream_version, type_name, error_type, error_message, recorded_at FROM {_deadLetters} "
            + "WHERE projection = $1 ORDER BY event_tx, event_position");
        command.Parameters.Add(Text(name));
        var letters = new List<DeadLetter>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var failed = new FailedEvent(
                new Checkpoint(reader.GetFieldValue<ulong>(0), reader.GetInt64(1)), reader.GetGuid(2), reader.GetString(3), reader.GetInt64(4), reader.GetString(5));
            letters.Add(new DeadLetter(name, failed, reader.GetString(6), reader.GetString(7), reader.GetFieldValue<DateTimeOffset>(8)));
        }
        return letters;
    }

    /// <summary>Records that <paramref name="owner"/> runs the projections (after taking their locks).</summary>
    public async Task ClaimAsync(IReadOnlyList<string> names, string owner, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"UPDATE {_checkpoints} SET owner = $2, owner_since = now() WHERE name = ANY($1)");
        command.Parameters.Add(Text([.. names]));
        command.Parameters.Add(Text(owner));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Records that <paramref name="owner"/> no longer runs the projections; another instance that took over meanwhile keeps its claim.</summary>
    public async Task DisclaimAsync(IReadOnlyList<string> names, string owner, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"UPDATE {_checkpoints} SET owner = NULL, owner_since = NULL WHERE name = ANY($1) AND owner = $2");
        command.Parameters.Add(Text([.. names]));
        command.Parameters.Add(Text(owner));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The newest event visible now (committed), in checkpoint order; null for an empty store.</summary>
    public async Task<Checkpoint?> HeadAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT e.tx_id, e.position FROM {eventsTable} AS e ORDER BY e.tx_id DESC, e.position DESC LIMIT 1");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new Checkpoint(reader.GetFieldValue<ulong>(0), reader.GetInt64(1)) : null;
    }

    /// <summary>The next event after <paramref name="after"/> that a catch-up read would deliver now, without reading its data (which may be what fails).</summary>
    public async Task<FailedEvent?> NextEventAsync(Checkpoint after, string[]? typeNames, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT e.tx_id, e.position, e.event_id, e.stream_id, e.version, e.type_name FROM {eventsTable} AS e "
            + "WHERE (e.tx_id, e.position) > ($1, $2) AND e.tx_id < pg_snapshot_xmin(pg_current_snapshot()) "
            + (typeNames is null ? "" : "AND e.type_name = ANY($3) ")
            + "ORDER BY e.tx_id, e.position LIMIT 1");
        command.Parameters.Add(Xid(after.TransactionId));
        command.Parameters.Add(Bigint(after.Position));
        if (typeNames is not null)
        {
            command.Parameters.Add(Text(typeNames));
        }
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new FailedEvent(new Checkpoint(reader.GetFieldValue<ulong>(0), reader.GetInt64(1)), reader.GetGuid(2), reader.GetString(3), reader.GetInt64(4), reader.GetString(5))
            : null;
    }

    internal static string KindText(ProjectionKind kind) => kind == ProjectionKind.Inline ? "inline" : "async";

    internal static string ErrorType(Exception error) => error.GetType().FullName ?? error.GetType().Name;

    /// <summary>The message with its causes, so a wrapped database error still shows what the database said.</summary>
    internal static string ErrorMessage(Exception error)
    {
        var parts = new List<string>();
        for (var e = error; e is not null && parts.Count < 5; e = e.InnerException)
        {
            parts.Add(e.Message);
        }
        var message = string.Join(" ---> ", parts);
        return message.Length <= 4000 ? message : message[..4000];
    }

    internal static NpgsqlParameter Text(string value) => new() { Value = value, NpgsqlDbType = NpgsqlDbType.Text };

    internal static NpgsqlParameter Text(string[] values) => new() { Value = values, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text };

    internal static NpgsqlParameter Xid(ulong value) => new() { Value = value, NpgsqlDbType = NpgsqlDbType.Xid8 };

    internal static NpgsqlParameter Bigint(long value) => new() { Value = value, NpgsqlDbType = NpgsqlDbType.Bigint };

    private string RecordErrorSql =>
        $"UPDATE {_checkpoints} SET paused = paused OR $2, error_at = now(), error_type = $3, error_message = $4, "
        + "error_event_tx = $5, error_event_position = $6, error_event_id = $7, error_event_stream = $8, error_event_version = $9, error_event_type = $10, "
        + "updated_at = now() WHERE name = $1 AND (NOT paused OR $2)";

    private static void AddErrorParameters(NpgsqlCommand command, string name, Exception error, FailedEvent? failed, bool pause)
    {
        command.Parameters.Add(Text(name));
        command.Parameters.Add(new NpgsqlParameter { Value = pause, NpgsqlDbType = NpgsqlDbType.Boolean });
        command.Parameters.Add(Text(ErrorType(error)));
        command.Parameters.Add(Text(ErrorMessage(error)));
        command.Parameters.Add(new NpgsqlParameter { Value = failed is null ? DBNull.Value : failed.Checkpoint.TransactionId, NpgsqlDbType = NpgsqlDbType.Xid8 });
        command.Parameters.Add(new NpgsqlParameter { Value = failed is null ? DBNull.Value : failed.Position, NpgsqlDbType = NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter { Value = failed is null ? DBNull.Value : failed.EventId, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)failed?.StreamId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = failed is null ? DBNull.Value : failed.Version, NpgsqlDbType = NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)failed?.TypeName ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
    }
}
