using System.Data;
using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Crm.EventStore.Projections.Internal;

/// <summary>
/// Replays the whole log into fresh copies of a projection's tables while the live tables keep
/// serving, then either swaps them in (rebuild) or compares them with the live ones (comparison).
/// The bulk of the replay runs in short transactions through the catch-up read; only the last few
/// events are applied inside the final transaction, which also swaps or compares, so the result
/// reflects exactly one point of the log.
/// </summary>
internal sealed partial class Rebuilder
{
    private const int MaxAttempts = 8;

    // The copies start empty, so the planner's first plans for them (kept by prepared statements)
    // assume tiny tables: lookups by key turn into sequential scans and the replay slows down as
    // they grow. Statistics refreshed each time the replay has grown fourfold keep the plans on the
    // indexes, for a handful of cheap ANALYZE runs per rebuild.
    private const long FirstAnalyzeAt = 2_000;
    private const int AnalyzeGrowth = 4;
    private static readonly Checkpoint End = new(ulong.MaxValue, long.MaxValue);

    private readonly DaemonContext _context;
    private readonly RegisteredProjection _projection;
    private readonly ProjectionFilter _filter;
    private readonly IProgress<RebuildProgress>? _progress;
    private readonly ShadowTables _shadow;
    private readonly TransactionalEventReader _reader;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<(FailedEvent Event, Exception Error)> _skipped = [];
    private readonly int _batchSize;
    private Checkpoint _checkpoint = Checkpoint.Start;
    private long _done;
    private long _total;
    private TimeSpan _replayStarted;
    private TimeSpan _markedAt;
    private bool _isolate;
    private int _singleStep;
    private long _nextAnalyze = FirstAnalyzeAt;

    public Rebuilder(DaemonContext context, RegisteredProjection projection, ProjectionFilter filter, IProgress<RebuildProgress>? progress)
    {
        _context = context;
        _projection = projection;
        _filter = filter;
        _progress = progress;
        _shadow = new ShadowTables(projection);
        _reader = new TransactionalEventReader(context.Store, filter.StoredNames, projection.EventTypes);
        _batchSize = context.Options.RebuildBatchSize;
    }

    private string Name => _projection.Name;

    private NpgsqlDataSource DataSource => _context.Store.DataSource;

    public async Task<RebuildResult> RebuildAsync(CancellationToken cancellationToken)
    {
        await using var guard = await RebuildGuard.AcquireAsync(_context, Name, cancellationToken);
        try
        {
            await PrepareAsync(cancellationToken);
            await ReplayAsync(bounded: false, cancellationToken);
            await RetryingAsync(() => _shadow.AnalyzeAsync(DataSource, cancellationToken), cancellationToken);
            Report(RebuildPhase.Swapping);
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var result = await SwapAsync(cancellationToken);
                    Report(RebuildPhase.Done);
                    _context.Report(
                        ProjectionDiagnosticLevel.Information,
                        Name,
                        $"Projection '{Name}' rebuilt from {_done} events in {_clock.Elapsed.TotalSeconds:F1} s and swapped in at {result.Checkpoint}.");
                    return result;
                }
                catch (Exception ex) when (attempt < MaxAttempts && TransientErrors.IsTransient(ex) && !cancellationToken.IsCancellationRequested)
                {
                    // Usually the live tables were busy (lock timeout or a deadlock with a writer):
                    // catch up again, so the next attempt holds its locks even shorter.
                    _context.Report(ProjectionDiagnosticLevel.Warning, Name, $"Swapping in the rebuilt tables of '{Name}' failed (attempt {attempt}); trying again: {ex.Message}", ex);
                    await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt), cancellationToken);
                    await ReplayAsync(bounded: false, cancellationToken);
                }
            }
        }
        finally
        {
            await CleanUpAsync();
        }
    }

    public async Task<ProjectionComparison> CompareAsync(CancellationToken cancellationToken)
    {
        await using var guard = await RebuildGuard.AcquireAsync(_context, Name, cancellationToken);
        try
        {
            await PrepareAsync(cancellationToken);
            // An async projection's live tables lag the log: replay no further than their checkpoint.
            await ReplayAsync(bounded: _projection.Kind == ProjectionKind.Async, cancellationToken);
            Report(RebuildPhase.Comparing);
            var comparison = await RetryingAsync(() => CompareTablesAsync(cancellationToken), cancellationToken);
            Report(RebuildPhase.Done);
            return comparison;
        }
        finally
        {
            await CleanUpAsync();
        }
    }

    private async Task PrepareAsync(CancellationToken cancellationToken)
    {
        Report(RebuildPhase.Preparing);
        await RetryingAsync(() => _shadow.CreateAsync(DataSource, cancellationToken), cancellationToken);
        _total = await RetryingAsync(() => CountEventsAsync(cancellationToken), cancellationToken);
        await RetryingAsync(() => MarkAsync(start: true, cancellationToken), cancellationToken);
        _replayStarted = _clock.Elapsed;
    }

    /// <summary>Replays with the catch-up read until caught up (or, when bounded, until the live checkpoint).</summary>
    private async Task ReplayAsync(bool bounded, CancellationToken cancellationToken)
    {
        while (true)
        {
            var finished = await RetryingAsync(() => ReplayPageAsync(bounded, cancellationToken), cancellationToken);
            Report(RebuildPhase.Replaying);
            if (_done >= _nextAnalyze)
            {
                await RetryingAsync(() => _shadow.AnalyzeAsync(DataSource, cancellationToken), cancellationToken);
                _nextAnalyze = _done * AnalyzeGrowth;
            }
            if (_clock.Elapsed - _markedAt > TimeSpan.FromSeconds(1))
            {
                await RetryingAsync(() => MarkAsync(start: false, cancellationToken), cancellationToken);
            }
            if (finished)
            {
                return;
            }
        }
    }

    /// <summary>One page into the shadow tables, in a transaction of its own; true when there is nothing more to replay now.</summary>
    private async Task<bool> ReplayPageAsync(bool bounded, CancellationToken cancellationToken)
    {
        Checkpoint? bound = bounded ? (await _context.Storage.LoadAsync(Name, cancellationToken)).Checkpoint : null;
        if (bound is { } limit && _checkpoint >= limit)
        {
            return true;
        }
        AllEventsPage page;
        try
        {
            var options = new ReadAllOptions { MaxCount = _singleStep > 0 ? 1 : _batchSize, EventTypes = _filter.ReadTypes };
            page = await _context.Store.ReadAllAsync(_checkpoint, options, cancellationToken);
        }
        catch (Exception ex) when (BatchApplier.IsEventFailure(ex, cancellationToken))
        {
            if (_singleStep == 0)
            {
                _singleStep = _batchSize;
                return false;
            }
            var failed = await _context.Storage.NextEventAsync(_checkpoint, _filter.StoredNames, cancellationToken);
            if (failed is null || (bound is { } reach && failed.Checkpoint > reach))
            {
                throw new ProjectionException($"Rebuilding projection '{Name}': the log cannot be read after {_checkpoint}: {ex.Message}", ex) { Projection = Name };
            }
            Fail(failed, ex);
            _skipped.Add((failed, ex));
            _checkpoint = failed.Checkpoint;
            _singleStep = 0;
            return false;
        }
        if (_singleStep > 0)
        {
            _singleStep--;
        }

        var events = page.Events;
        var next = page.Next;
        if (bound is { } upTo && next > upTo)
        {
            events = [.. events.Where(e => e.Checkpoint <= upTo)];
            next = upTo;
        }
        if (events.Count > 0)
        {
            await using var connection = await DataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            if (!_isolate)
            {
                try
                {
                    await _projection.Projection.ApplyAsync(transaction, events, _shadow.Map, cancellationToken);
                }
                catch (Exception ex) when (BatchApplier.IsEventFailure(ex, cancellationToken))
                {
                    // Rolled back on dispose; the same page again, event by event, finds the event.
                    _isolate = true;
                    return false;
                }
                await transaction.CommitAsync(cancellationToken);
                _done += events.Count;
            }
            else
            {
                var outcome = await BatchApplier.ApplyIsolatedAsync(transaction, _projection, events, _shadow.Map, _projection.Policy, wholeBatchFirst: false, cancellationToken);
                if (outcome.StoppedAt is { } stop)
                {
                    Fail(stop.Event, stop.Error);
                }
                await transaction.CommitAsync(cancellationToken);
                _isolate = false;
                _done += outcome.Applied;
                _skipped.AddRange(outcome.Skipped);
            }
        }
        _checkpoint = next;
        return page.IsCaughtUp || (bound is { } end && next >= end);
    }

    /// <summary>The swap transaction: the last events, the tables, the checkpoint and the dead letters, all at once.</summary>
    private async Task<RebuildResult> SwapAsync(CancellationToken cancellationToken)
    {
        await using var connection = await DataSource.OpenConnectionAsync(cancellationToken);
        var inline = _projection.Kind == ProjectionKind.Inline;
        // Inline: the snapshot must begin after the table locks, so it holds exactly the events whose
        // rows the live tables hold (writers of those tables are kept out until the commit).
        await using var transaction = await connection.BeginTransactionAsync(inline ? IsolationLevel.RepeatableRead : IsolationLevel.ReadCommitted, cancellationToken);
        await ExecuteAsync(
            transaction,
            string.Create(CultureInfo.InvariantCulture, $"SET LOCAL lock_timeout = {(long)_context.Options.SwapLockTimeout.TotalMilliseconds}"),
            cancellationToken);
        Checkpoint upTo;
        Checkpoint live = default;
        if (inline)
        {
            await ExecuteAsync(transaction, $"LOCK TABLE {string.Join(", ", _projection.Tables.Select(t => t.QualifiedName))} IN EXCLUSIVE MODE", cancellationToken);
            upTo = End;
        }
        else
        {
            // Holding the checkpoint row keeps the running instance's next batch out until the commit.
            (live, _) = await _context.Storage.LockAsync(transaction, Name, cancellationToken);
            upTo = live;
        }
        var (reached, applied, skipped) = await CatchUpAsync(transaction, upTo, cancellationToken);
        var final = inline || reached > live ? reached : live;

        await _shadow.SwapAsync(transaction, cancellationToken);
        await using (var reset = new NpgsqlCommand(
            $"UPDATE {_context.Store.Sql.QuotedSchema}.projection_checkpoints SET checkpoint_tx = $2, checkpoint_position = $3, events_applied = $4, paused = false, "
            + "error_at = NULL, error_type = NULL, error_message = NULL, error_event_tx = NULL, error_event_position = NULL, error_event_id = NULL, "
            + "error_event_stream = NULL, error_event_version = NULL, error_event_type = NULL, "
            + "rebuild_owner = NULL, rebuild_started_at = NULL, rebuild_events_done = NULL, rebuild_events_total = NULL, updated_at = now() WHERE name = $1",
            connection,
            transaction))
        {
            reset.Parameters.Add(ProjectionStorage.Text(Name));
            reset.Parameters.Add(ProjectionStorage.Xid(final.TransactionId));
            reset.Parameters.Add(ProjectionStorage.Bigint(final.Position));
            reset.Parameters.Add(ProjectionStorage.Bigint(_done + applied));
            await reset.ExecuteNonQueryAsync(cancellationToken);
        }
        var letters = _skipped.Concat(skipped).ToList();
        await _context.Storage.ClearDeadLettersAsync(transaction, Name, cancellationToken);
        await _context.Storage.AddDeadLettersAsync(transaction, Name, letters, cancellationToken);
        await using (var notify = new NpgsqlCommand("SELECT pg_notify($1, $2)", connection, transaction))
        {
            notify.Parameters.Add(ProjectionStorage.Text(_context.ControlChannel));
            notify.Parameters.Add(ProjectionStorage.Text(Name));
            await notify.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);

        _done += applied;
        _checkpoint = final;
        var deadLetters = await _context.Storage.ReadDeadLettersAsync(Name, cancellationToken);
        return new RebuildResult(Name, _done, final, deadLetters, _clock.Elapsed);
    }

    /// <summary>The comparison transaction: one snapshot for the last events, the live tables and the copies.</summary>
    private async Task<ProjectionComparison> CompareTablesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var upTo = End;
        if (_projection.Kind == ProjectionKind.Async)
        {
            upTo = (await ReadCheckpointAsync(transaction, cancellationToken)) is { } live && live >= _checkpoint
                ? live
                : throw new InvalidOperationException($"The checkpoint of projection '{Name}' went back while it was being compared.");
        }
        var (reached, applied, _) = await CatchUpAsync(transaction, upTo, cancellationToken);
        var tables = new List<TableComparison>();
        foreach (var table in _projection.Tables)
        {
            tables.Add(await TableComparer.CompareAsync(transaction, table, _shadow.Shadow(table), cancellationToken));
        }
        await transaction.RollbackAsync(cancellationToken);
        var at = _projection.Kind == ProjectionKind.Async ? upTo : reached;
        return new ProjectionComparison(Name, at, _done + applied, tables);
    }

    /// <summary>
    /// Applies the events after the replay's checkpoint, up to <paramref name="upTo"/>, inside the
    /// final transaction (under savepoints, so a failing event is isolated without losing the rest).
    /// Changes no field: if the transaction fails, the replay's state is still what is committed.
    /// </summary>
    private async Task<(Checkpoint Reached, long Applied, List<(FailedEvent, Exception)> Skipped)> CatchUpAsync(
        NpgsqlTransaction transaction, Checkpoint upTo, CancellationToken cancellationToken)
    {
        var checkpoint = _checkpoint;
        long applied = 0;
        var skipped = new List<(FailedEvent, Exception)>();
        while (true)
        {
            var read = await _reader.ReadAsync(transaction, checkpoint, upTo, _batchSize, cancellationToken);
            if (read.Count == 0)
            {
                return (checkpoint, applied, skipped);
            }
            var run = new List<RecordedEvent>();
            foreach (var item in read)
            {
                if (item.Error is { } unreadable)
                {
                    applied += await ApplyRunAsync(transaction, run, skipped, cancellationToken);
                    run.Clear();
                    if (_projection.Policy == PoisonEventPolicy.Pause)
                    {
                        Fail(item.Identity, unreadable);
                    }
                    skipped.Add((item.Identity, unreadable));
                }
                else if (item.Event is { } recorded)
                {
                    run.Add(recorded);
                }
                checkpoint = item.Identity.Checkpoint;
            }
            applied += await ApplyRunAsync(transaction, run, skipped, cancellationToken);
        }
    }

    private async Task<int> ApplyRunAsync(NpgsqlTransaction transaction, List<RecordedEvent> run, List<(FailedEvent, Exception)> skipped, CancellationToken cancellationToken)
    {
        if (run.Count == 0)
        {
            return 0;
        }
        var outcome = await BatchApplier.ApplyIsolatedAsync(transaction, _projection, [.. run], _shadow.Map, _projection.Policy, wholeBatchFirst: true, cancellationToken);
        if (outcome.StoppedAt is { } stop)
        {
            Fail(stop.Event, stop.Error);
        }
        skipped.AddRange(outcome.Skipped);
        return outcome.Applied;
    }

    private async Task<Checkpoint?> ReadCheckpointAsync(NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT checkpoint_tx, checkpoint_position FROM {_context.Store.Sql.QuotedSchema}.projection_checkpoints WHERE name = $1", transaction.Connection, transaction);
        command.Parameters.Add(ProjectionStorage.Text(Name));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new Checkpoint(reader.GetFieldValue<ulong>(0), reader.GetInt64(1)) : null;
    }

    private async Task<long> CountEventsAsync(CancellationToken cancellationToken)
    {
        await using var command = DataSource.CreateCommand(
            $"SELECT count(*) FROM {_context.Store.Sql.Events} AS e" + (_filter.StoredNames is null ? "" : " WHERE e.type_name = ANY($1)"));
        if (_filter.StoredNames is { } names)
        {
            command.Parameters.Add(ProjectionStorage.Text(names));
        }
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Records the rebuild in the projection's row, for status (which also checks the rebuild's lock).</summary>
    private async Task MarkAsync(bool start, CancellationToken cancellationToken)
    {
        await using var command = DataSource.CreateCommand(
            start
                ? $"UPDATE {_context.Store.Sql.QuotedSchema}.projection_checkpoints SET rebuild_owner = $2, rebuild_started_at = now(), rebuild_events_done = $3, rebuild_events_total = $4 WHERE name = $1"
                : $"UPDATE {_context.Store.Sql.QuotedSchema}.projection_checkpoints SET rebuild_events_done = $3, rebuild_events_total = $4 WHERE name = $1 AND rebuild_owner = $2");
        command.Parameters.Add(ProjectionStorage.Text(Name));
        command.Parameters.Add(ProjectionStorage.Text(_context.Options.InstanceId));
        command.Parameters.Add(ProjectionStorage.Bigint(_done));
        command.Parameters.Add(ProjectionStorage.Bigint(Math.Max(_total, _done)));
        await command.ExecuteNonQueryAsync(cancellationToken);
        _markedAt = _clock.Elapsed;
    }

    /// <summary>Drops what is left of the copies and the rebuild's mark; failures here are reported, the outcome stands.</summary>
    private async Task CleanUpAsync()
    {
        try
        {
            await _shadow.DropAsync(DataSource, CancellationToken.None);
            await using var command = DataSource.CreateCommand(
                $"UPDATE {_context.Store.Sql.QuotedSchema}.projection_checkpoints SET rebuild_owner = NULL, rebuild_started_at = NULL, rebuild_events_done = NULL, rebuild_events_total = NULL "
                + "WHERE name = $1 AND rebuild_owner = $2");
            command.Parameters.Add(ProjectionStorage.Text(Name));
            command.Parameters.Add(ProjectionStorage.Text(_context.Options.InstanceId));
            await command.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (Exception ex)
        {
            _context.Report(
                ProjectionDiagnosticLevel.Warning,
                Name,
                $"Could not drop the rebuild tables of '{Name}' (schemas {string.Join(", ", _projection.Tables.Select(t => t.Schema).Distinct().Select(s => ShadowTables.ShadowSchemaName(s, Name)))}); the next rebuild replaces them: {ex.Message}",
                ex);
        }
    }

    private void Fail(FailedEvent failed, Exception error)
    {
        if (_projection.Policy == PoisonEventPolicy.Pause || TransientErrors.IsStructural(error))
        {
            throw new ProjectionException(
                $"Rebuilding projection '{Name}' stopped at event {failed}: {error.Message}. The live tables are unchanged.", error)
            {
                Projection = Name,
                Event = failed,
            };
        }
    }

    private void Report(RebuildPhase phase)
    {
        if (_progress is null)
        {
            return;
        }
        var elapsed = _clock.Elapsed;
        var replaying = (elapsed - _replayStarted).TotalSeconds;
        var rate = replaying > 0 ? _done / replaying : 0;
        var total = Math.Max(_total, _done);
        TimeSpan? left = phase == RebuildPhase.Done ? TimeSpan.Zero
            : rate > 0 ? TimeSpan.FromSeconds((total - _done) / rate)
            : null;
        _progress.Report(new RebuildProgress(Name, phase, _done, total, rate, left, elapsed));
    }

    private async Task RetryingAsync(Func<Task> step, CancellationToken cancellationToken) =>
        await RetryingAsync(
            async () =>
            {
                await step();
                return true;
            },
            cancellationToken);

    /// <summary>Retries a step that failed transiently, a bounded number of times: a rebuild is run by hand and should end.</summary>
    private async Task<T> RetryingAsync<T>(Func<Task<T>> step, CancellationToken cancellationToken)
    {
        var retry = new Backoff(_context.Options.RetryInitialDelay, _context.Options.RetryMaxDelay);
        while (true)
        {
            try
            {
                return await step();
            }
            catch (Exception ex) when (retry.Attempts < MaxAttempts && TransientErrors.IsTransient(ex) && !cancellationToken.IsCancellationRequested)
            {
                var delay = retry.Next();
                _context.Report(ProjectionDiagnosticLevel.Warning, Name, $"Rebuild of '{Name}': transient error, retrying in {delay.TotalMilliseconds:F0} ms: {ex.Message}", ex);
                await Task.Delay(delay, cancellationToken);
            }
        }
    }

    private static async Task ExecuteAsync(NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, transaction.Connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
