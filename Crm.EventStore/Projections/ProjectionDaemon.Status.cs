using Crm.EventStore.Projections.Internal;
using Npgsql;
using NpgsqlTypes;

namespace Crm.EventStore.Projections;

public sealed partial class ProjectionDaemon
{
    /// <summary>
    /// The status of every registered projection, as the database sees it: the same from any
    /// instance. Running and rebuilding are read from the locks actually held, so an instance that
    /// died is never reported as running.
    /// </summary>
    public async Task<IReadOnlyList<ProjectionStatus>> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        await InitializeAsync(cancellationToken);
        await using var connection = await _context.Store.DataSource.OpenConnectionAsync(cancellationToken);
        var held = await HeldLocksAsync(connection, cancellationToken);
        var rows = await StatusRowsAsync(connection, cancellationToken);
        var statuses = new List<ProjectionStatus>(_projections.Count);
        foreach (var projection in _projections)
        {
            var row = rows[projection.Name];
            var running = projection.Kind == ProjectionKind.Inline || held.Contains(_context.LeaderKey(projection.Name));
            var rebuilding = row.RebuildOwner is not null && held.Contains(_context.RebuildKey(projection.Name));
            var state = rebuilding ? ProjectionState.Rebuilding
                : row.Paused ? ProjectionState.Paused
                : running ? ProjectionState.Running
                : ProjectionState.Stopped;
            long lagEvents = 0;
            var lag = TimeSpan.Zero;
            if (projection.Kind == ProjectionKind.Async)
            {
                (lagEvents, lag) = await LagAsync(connection, row.Checkpoint, _filters[projection.Name].StoredNames, cancellationToken);
            }
            statuses.Add(new ProjectionStatus(
                projection.Name,
                projection.Kind,
                state,
                projection.Kind == ProjectionKind.Async ? row.Checkpoint : null,
                lagEvents,
                lag,
                row.EventsApplied,
                row.DeadLetters,
                row.Error,
                projection.Kind == ProjectionKind.Async && running ? row.Owner : null,
                rebuilding ? new RebuildStatus(row.RebuildOwner!, row.RebuildStartedAt!.Value, row.RebuildDone, row.RebuildTotal) : null));
        }
        return statuses;
    }

    /// <summary>The status of one projection.</summary>
    /// <exception cref="ArgumentException">No projection has that name.</exception>
    public async Task<ProjectionStatus> GetStatusAsync(string projection, CancellationToken cancellationToken = default)
    {
        var registered = Find(projection);
        var all = await GetStatusAsync(cancellationToken);
        return all.Single(s => s.Name == registered.Name);
    }

    /// <summary>
    /// Waits until every async projection has applied every event committed when the call began
    /// (whichever instance runs it). For tests and for tools that read right after writing.
    /// </summary>
    /// <exception cref="ProjectionException">A projection is paused: it cannot catch up until resumed.</exception>
    /// <exception cref="TimeoutException">Not caught up in time; the message lists who lags and where.</exception>
    public async Task WaitForCatchUpAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        await InitializeAsync(cancellationToken);
        var names = _projections.Where(p => p.Kind == ProjectionKind.Async).Select(p => p.Name).ToArray();
        var head = await _context.Storage.HeadAsync(cancellationToken);
        if (names.Length == 0 || head is null)
        {
            return;
        }
        var deadline = DateTime.UtcNow + timeout;
        var delay = TimeSpan.FromMilliseconds(5);
        while (true)
        {
            var behind = new List<string>();
            await using (var connection = await _context.Store.DataSource.OpenConnectionAsync(cancellationToken))
            {
                var rows = await StatusRowsAsync(connection, cancellationToken);
                foreach (var name in names)
                {
                    var row = rows[name];
                    if (row.Paused)
                    {
                        throw new ProjectionException(
                            $"Projection '{name}' is paused at {row.Checkpoint} and cannot catch up: {row.Error?.Message ?? "no error recorded"}"
                            + (row.Error?.Event is { } failed ? $" (event {failed})" : "") + ". Resume it with ResumeAsync, or rebuild it.")
                        {
                            Projection = name,
                            Event = row.Error?.Event,
                        };
                    }
                    if (row.Checkpoint < head.Value)
                    {
                        behind.Add($"'{name}' at {row.Checkpoint}");
                    }
                }
            }
            if (behind.Count == 0)
            {
                return;
            }
            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException(
                    $"The projections did not reach the head of the log ({head}) within {timeout.TotalSeconds:F1} s: {string.Join(", ", behind)}. Is a daemon running them?");
            }
            await Task.Delay(delay, cancellationToken);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 100));
        }
    }

    /// <summary>
    /// Resumes a paused projection: it retries the failed event (after a fix of the projection or of
    /// the data), or with <paramref name="skipFailedEvent"/> records it as a dead letter and goes on
    /// after it.
    /// </summary>
    /// <returns>False when the projection was not paused (nothing changes).</returns>
    /// <exception cref="ArgumentException">No projection has that name.</exception>
    public async Task<bool> ResumeAsync(string projection, bool skipFailedEvent = false, CancellationToken cancellationToken = default)
    {
        var registered = Find(projection);
        await InitializeAsync(cancellationToken);
        var name = registered.Name;
        await using var connection = await _context.Store.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var (checkpoint, paused) = await _context.Storage.LockAsync(transaction, name, cancellationToken);
        if (!paused)
        {
            return false;
        }
        var row = (await StatusRowsAsync(connection, cancellationToken, transaction))[name];
        if (skipFailedEvent && row.Error?.Event is { } failed && failed.Checkpoint > checkpoint)
        {
            await _context.Storage.AddDeadLettersAsync(transaction, name, [(failed, row.Error.ErrorType, row.Error.Message)], cancellationToken);
            await _context.Storage.AdvanceAsync(transaction, name, failed.Checkpoint, 0, cancellationToken);
        }
        await using (var resume = new NpgsqlCommand(
            $"UPDATE {_context.Store.Sql.QuotedSchema}.projection_checkpoints SET paused = false, updated_at = now() WHERE name = $1", connection, transaction))
        {
            resume.Parameters.Add(ProjectionStorage.Text(name));
            await resume.ExecuteNonQueryAsync(cancellationToken);
        }
        await NotifyAsync(transaction, name, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        _context.Report(ProjectionDiagnosticLevel.Information, name, $"Projection '{name}' resumed{(skipFailedEvent ? ", skipping the failed event" : "")}.");
        return true;
    }

    /// <summary>The events a projection skipped to the dead-letter table, in log order.</summary>
    /// <exception cref="ArgumentException">No projection has that name.</exception>
    public async Task<IReadOnlyList<DeadLetter>> GetDeadLettersAsync(string projection, CancellationToken cancellationToken = default)
    {
        var registered = Find(projection);
        await InitializeAsync(cancellationToken);
        return await _context.Storage.ReadDeadLettersAsync(registered.Name, cancellationToken);
    }

    /// <summary>Wakes the instance running the projection (the daemons listen on the control channel).</summary>
    private async Task NotifyAsync(NpgsqlTransaction transaction, string projection, CancellationToken cancellationToken)
    {
        await using var notify = new NpgsqlCommand("SELECT pg_notify($1, $2)", transaction.Connection, transaction);
        notify.Parameters.Add(ProjectionStorage.Text(_context.ControlChannel));
        notify.Parameters.Add(ProjectionStorage.Text(projection));
        await notify.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<HashSet<long>> HeldLocksAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        // A bigint advisory key shows in pg_locks as its high half (classid) and low half (objid), objsubid 1.
        await using var command = new NpgsqlCommand(
            "SELECT classid::bigint, objid::bigint FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 1 AND granted "
            + "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
            connection);
        var held = new HashSet<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            held.Add((long)(((ulong)reader.GetInt64(0) << 32) | (ulong)reader.GetInt64(1)));
        }
        return held;
    }

    private async Task<(long Events, TimeSpan Lag)> LagAsync(NpgsqlConnection connection, Checkpoint checkpoint, string[]? typeNames, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT count(*), coalesce(now() - min(e.recorded_at), interval '0') FROM {_context.Store.Sql.Events} AS e WHERE (e.tx_id, e.position) > ($1, $2)"
            + (typeNames is null ? "" : " AND e.type_name = ANY($3)"),
            connection);
        command.Parameters.Add(ProjectionStorage.Xid(checkpoint.TransactionId));
        command.Parameters.Add(ProjectionStorage.Bigint(checkpoint.Position));
        if (typeNames is not null)
        {
            command.Parameters.Add(ProjectionStorage.Text(typeNames));
        }
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var lag = reader.GetFieldValue<TimeSpan>(1);
        return (reader.GetInt64(0), lag < TimeSpan.Zero ? TimeSpan.Zero : lag);
    }

    private async Task<Dictionary<string, StatusRow>> StatusRowsAsync(NpgsqlConnection connection, CancellationToken cancellationToken, NpgsqlTransaction? transaction = null)
    {
        var schema = _context.Store.Sql.QuotedSchema;
        await using var command = new NpgsqlCommand(
            "SELECT c.name, c.checkpoint_tx, c.checkpoint_position, c.events_applied, c.paused, c.error_at, c.error_type, c.error_message, "
            + "c.error_event_tx, c.error_event_position, c.error_event_id, c.error_event_stream, c.error_event_version, c.error_event_type, "
            + "c.owner, c.rebuild_owner, c.rebuild_started_at, coalesce(c.rebuild_events_done, 0), coalesce(c.rebuild_events_total, 0), "
            + $"(SELECT count(*) FROM {schema}.projection_dead_letters AS d WHERE d.projection = c.name) "
            + $"FROM {schema}.projection_checkpoints AS c WHERE c.name = ANY($1)",
            connection,
            transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = _projections.Select(p => p.Name).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        var rows = new Dictionary<string, StatusRow>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            FailedEvent? failed = reader.IsDBNull(9)
                ? null
                : new FailedEvent(
                    new Checkpoint(reader.GetFieldValue<ulong>(8), reader.GetInt64(9)), reader.GetGuid(10), reader.GetString(11), reader.GetInt64(12), reader.GetString(13));
            ProjectionError? error = reader.IsDBNull(5)
                ? null
                : new ProjectionError(reader.GetFieldValue<DateTimeOffset>(5), reader.GetString(6), reader.GetString(7), failed);
            rows[reader.GetString(0)] = new StatusRow(
                new Checkpoint(reader.GetFieldValue<ulong>(1), reader.GetInt64(2)),
                reader.GetInt64(3),
                reader.GetBoolean(4),
                error,
                reader.IsDBNull(14) ? null : reader.GetString(14),
                reader.IsDBNull(15) ? null : reader.GetString(15),
                reader.IsDBNull(16) ? null : reader.GetFieldValue<DateTimeOffset>(16),
                reader.GetInt64(17),
                reader.GetInt64(18),
                reader.GetInt64(19));
        }
        return rows;
    }

    private sealed record StatusRow(
        Checkpoint Checkpoint,
        long EventsApplied,
        bool Paused,
        ProjectionError? Error,
        string? Owner,
        string? RebuildOwner,
        DateTimeOffset? RebuildStartedAt,
        long RebuildDone,
        long RebuildTotal,
        long DeadLetters);
}
