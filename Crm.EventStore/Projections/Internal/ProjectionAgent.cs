using Npgsql;

namespace Crm.EventStore.Projections.Internal;

/// <summary>
/// Runs one async projection while this instance leads it: reads the log from the checkpoint with
/// the catch-up read, applies each page and moves the checkpoint in one transaction, and waits for
/// a notification (or the poll interval) when caught up.
/// </summary>
internal sealed partial class ProjectionAgent(DaemonContext context, RegisteredProjection projection, ProjectionFilter filter) : IDisposable
{
    // When events are committed but not yet deliverable (an older transaction is still open),
    // look again soon, then less and less often.
    private static readonly TimeSpan FirstStallDelay = TimeSpan.FromMilliseconds(10);

    private readonly WakeSignal _signal = new();
    private readonly int _batchSize = projection.Options!.BatchSize;
    private CancellationTokenSource? _leading;
    private Task? _run;

    // After a batch failed as a whole, the same page is applied event by event to find the culprit.
    private bool _isolate;

    // After a page could not be read, pages of one event find the event that cannot be read.
    private int _singleStep;

    public string Name => projection.Name;

    public long LeaderKey { get; } = context.LeaderKey(projection.Name);

    public bool IsLeading => _run is { IsCompleted: false };

    public void Wake() => _signal.Set();

    public void StartLeading(CancellationToken stopping)
    {
        _leading = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var token = _leading.Token;
        _run = Task.Run(() => RunAsync(token), CancellationToken.None);
    }

    /// <summary>Stops applying: a batch in flight is cancelled and rolled back.</summary>
    public async Task StopLeadingAsync()
    {
        if (_leading is null || _run is null)
        {
            return;
        }
        await _leading.CancelAsync();
        await _run.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _leading.Dispose();
        _leading = null;
        _run = null;
    }

    public void Dispose()
    {
        _leading?.Dispose();
        _signal.Dispose();
    }

    private async Task RunAsync(CancellationToken leading)
    {
        var options = context.Options;
        var retry = new Backoff(options.RetryInitialDelay, options.RetryMaxDelay);
        var stall = FirstStallDelay;
        Checkpoint? known = null;
        context.Report(ProjectionDiagnosticLevel.Information, Name, $"Running projection '{Name}' on {options.InstanceId}.");
        while (!leading.IsCancellationRequested)
        {
            try
            {
                if (known is null)
                {
                    var (stored, paused) = await context.Storage.LoadAsync(Name, leading);
                    if (paused)
                    {
                        await _signal.WaitAsync(options.PollInterval, leading);
                        continue;
                    }
                    known = stored;
                }
                var step = await StepAsync(known.Value, leading);
                retry.Reset();
                switch (step.Kind)
                {
                    case StepKind.Progress:
                        known = step.Checkpoint;
                        stall = FirstStallDelay;
                        break;
                    case StepKind.Reload:
                        known = null;
                        break;
                    case StepKind.Pending:
                        await _signal.WaitAsync(stall, leading);
                        stall = TimeSpan.FromTicks(Math.Min(stall.Ticks * 2, options.PollInterval.Ticks));
                        break;
                    default:
                        stall = FirstStallDelay;
                        await _signal.WaitAsync(options.PollInterval, leading);
                        break;
                }
            }
            catch (OperationCanceledException) when (leading.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                known = null;
                var transient = TransientErrors.IsTransient(ex);
                var delay = retry.Next();
                context.Report(
                    transient ? ProjectionDiagnosticLevel.Warning : ProjectionDiagnosticLevel.Error,
                    Name,
                    $"Projection '{Name}' failed ({(transient ? "transient" : "unexpected")} error, attempt {retry.Attempts}); retrying in {delay.TotalMilliseconds:F0} ms: {ex.Message}",
                    ex);
                await RecordErrorAsync(ex, leading);
                await Task.Delay(delay, leading).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
        context.Report(ProjectionDiagnosticLevel.Information, Name, $"Stopped running projection '{Name}' on {options.InstanceId}.");
    }

    private async Task<Step> StepAsync(Checkpoint checkpoint, CancellationToken cancellationToken)
    {
        var maxCount = _singleStep > 0 ? 1 : _batchSize;
        AllEventsPage page;
        try
        {
            page = await context.Store.ReadAllAsync(checkpoint, new ReadAllOptions { MaxCount = maxCount, EventTypes = filter.ReadTypes }, cancellationToken);
        }
        catch (Exception ex) when (BatchApplier.IsEventFailure(ex, cancellationToken))
        {
            if (maxCount > 1)
            {
                _singleStep = _batchSize;
                context.Report(ProjectionDiagnosticLevel.Warning, Name, $"A page of projection '{Name}' could not be read; reading event by event to find the event: {ex.Message}", ex);
                return Step.Progress(checkpoint);
            }
            return await HandleUnreadableAsync(checkpoint, ex, cancellationToken);
        }
        if (_singleStep > 0)
        {
            _singleStep--;
        }

        if (page.Events.Count == 0 && page.IsCaughtUp)
        {
            var head = await context.Storage.HeadAsync(cancellationToken);
            if (head is { } newest && newest > page.Next)
            {
                return Step.Pending;
            }
            if (head is not { } committed || committed <= checkpoint || page.Next <= checkpoint)
            {
                return Step.Idle;
            }
            // Only events of other types arrived: store the checkpoint past them, so the lag and
            // catch-up waits see that nothing is left.
        }
        return await CommitAsync(checkpoint, page.Events, page.Next, cancellationToken);
    }

    /// <summary>Applies the events and moves the checkpoint in one transaction, if the checkpoint is still where this agent thinks.</summary>
    private async Task<Step> CommitAsync(Checkpoint expected, IReadOnlyList<RecordedEvent> events, Checkpoint next, CancellationToken cancellationToken)
    {
        await using var connection = await context.Store.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await FenceAsync(transaction, expected, cancellationToken))
        {
            return Step.Reload;
        }
        if (events.Count == 0)
        {
            await context.Storage.AdvanceAsync(transaction, Name, next, 0, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return Step.Progress(next);
        }
        if (!_isolate)
        {
            try
            {
                await projection.Projection.ApplyAsync(transaction, events, TableMap.Live, cancellationToken);
            }
            catch (Exception ex) when (BatchApplier.IsEventFailure(ex, cancellationToken))
            {
                // Rolled back when the transaction is disposed; the same page is tried again, one event at a time.
                _isolate = true;
                context.Report(ProjectionDiagnosticLevel.Warning, Name, $"A batch of projection '{Name}' failed; applying it event by event to find the event: {ex.Message}", ex);
                return Step.Progress(expected);
            }
            await context.Storage.AdvanceAsync(transaction, Name, next, events.Count, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return Step.Progress(next);
        }

        _isolate = false;
        var outcome = await BatchApplier.ApplyIsolatedAsync(transaction, projection, events, TableMap.Live, projection.Policy, wholeBatchFirst: false, cancellationToken);
        await context.Storage.AddDeadLettersAsync(transaction, Name, outcome.Skipped, cancellationToken);
        if (outcome.Skipped.Count > 0)
        {
            var (lastSkipped, error) = outcome.Skipped[^1];
            await context.Storage.RecordErrorAsync(transaction, Name, error, lastSkipped, pause: false, cancellationToken);
        }
        if (outcome.StoppedAt is { } stop)
        {
            await context.Storage.AdvanceAsync(transaction, Name, outcome.LastDone ?? expected, outcome.Applied, cancellationToken);
            await context.Storage.RecordErrorAsync(transaction, Name, stop.Error, stop.Event, pause: true, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            ReportSkipped(outcome.Skipped);
            context.Report(ProjectionDiagnosticLevel.Error, Name, $"Projection '{Name}' paused: event {stop.Event} failed: {stop.Error.Message}", stop.Error);
            return Step.Reload;
        }
        await context.Storage.AdvanceAsync(transaction, Name, next, outcome.Applied, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        ReportSkipped(outcome.Skipped);
        return Step.Progress(next);
    }

    /// <summary>The next event cannot even be read (unknown type, unreadable data): skip it or pause, as for an event that fails to apply.</summary>
    private async Task<Step> HandleUnreadableAsync(Checkpoint checkpoint, Exception error, CancellationToken cancellationToken)
    {
        var failed = await context.Storage.NextEventAsync(checkpoint, filter.StoredNames, cancellationToken)
            ?? throw new ProjectionException($"Projection '{Name}' cannot read the log after {checkpoint}: {error.Message}", error) { Projection = Name };
        await using var connection = await context.Store.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await FenceAsync(transaction, checkpoint, cancellationToken))
        {
            return Step.Reload;
        }
        _singleStep = 0;
        if (projection.Policy == PoisonEventPolicy.SkipToDeadLetter)
        {
            await context.Storage.AddDeadLettersAsync(transaction, Name, [(failed, error)], cancellationToken);
            await context.Storage.RecordErrorAsync(transaction, Name, error, failed, pause: false, cancellationToken);
            await context.Storage.AdvanceAsync(transaction, Name, failed.Checkpoint, 0, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            ReportSkipped([(failed, error)]);
            return Step.Progress(failed.Checkpoint);
        }
        await context.Storage.RecordErrorAsync(transaction, Name, error, failed, pause: true, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        context.Report(ProjectionDiagnosticLevel.Error, Name, $"Projection '{Name}' paused: event {failed} cannot be read: {error.Message}", error);
        return Step.Reload;
    }

    private async Task<bool> FenceAsync(NpgsqlTransaction transaction, Checkpoint expected, CancellationToken cancellationToken)
    {
        var (current, paused) = await context.Storage.LockAsync(transaction, Name, cancellationToken);
        if (current == expected && !paused)
        {
            return true;
        }
        context.Report(
            ProjectionDiagnosticLevel.Information,
            Name,
            paused ? $"Projection '{Name}' is paused." : $"The checkpoint of projection '{Name}' moved to {current} (expected {expected}): another writer ran it; reloading.");
        return false;
    }

    private async Task RecordErrorAsync(Exception error, CancellationToken cancellationToken)
    {
        try
        {
            await context.Storage.RecordErrorAsync(Name, error, cancellationToken);
        }
        catch (Exception recordFailure)
        {
            // The database is likely the problem: the error is reported, recording it waits for the next one.
            context.Report(ProjectionDiagnosticLevel.Warning, Name, $"Could not record the error of projection '{Name}': {recordFailure.Message}", recordFailure);
        }
    }

    private void ReportSkipped(IReadOnlyList<(FailedEvent Event, Exception Error)> skipped)
    {
        foreach (var (failed, error) in skipped)
        {
            context.Report(ProjectionDiagnosticLevel.Error, Name, $"Projection '{Name}' skipped event {failed} to the dead-letter table: {error.Message}", error);
        }
    }

    private enum StepKind
    {
        Progress,
        Reload,
        Idle,
        Pending,
    }

    private readonly record struct Step(StepKind Kind, Checkpoint Checkpoint)
    {
        public static Step Reload => new(StepKind.Reload, default);

        public static Step Idle => new(StepKind.Idle, default);

        public static Step Pending => new(StepKind.Pending, default);

        public static Step Progress(Checkpoint checkpoint) => new(StepKind.Progress, checkpoint);
    }
}
