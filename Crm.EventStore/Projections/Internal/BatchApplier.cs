using Npgsql;

namespace Crm.EventStore.Projections.Internal;

/// <summary>What applying a batch event by event came to.</summary>
/// <param name="Applied">Events applied.</param>
/// <param name="Skipped">Events that failed and were skipped (dead letters).</param>
/// <param name="StoppedAt">The event that failed and stopped the batch (pause), with its error; the events after it were not applied.</param>
/// <param name="LastDone">The checkpoint of the last event applied or skipped before any stop; null when none.</param>
internal sealed record BatchOutcome(
    int Applied,
    IReadOnlyList<(FailedEvent Event, Exception Error)> Skipped,
    (FailedEvent Event, Exception Error)? StoppedAt,
    Checkpoint? LastDone);

/// <summary>Applies a batch and, when it fails, finds the event that fails.</summary>
internal static class BatchApplier
{
    private const string EventSavepoint = "projection_event";
    private const string BatchSavepoint = "projection_batch";

    /// <summary>
    /// Applies the events one by one, each under a savepoint, in <paramref name="transaction"/>: an
    /// event that throws (not transiently) is rolled back alone and then skipped or stops the batch,
    /// as the policy says. With <paramref name="wholeBatchFirst"/> the batch is first tried in one
    /// call (one savepoint), which is the fast path when nothing fails. Transient errors propagate:
    /// the transaction is then unusable and the caller retries it whole.
    /// </summary>
    public static async Task<BatchOutcome> ApplyIsolatedAsync(
        NpgsqlTransaction transaction,
        RegisteredProjection projection,
        IReadOnlyList<RecordedEvent> events,
        TableMap tables,
        PoisonEventPolicy policy,
        bool wholeBatchFirst,
        CancellationToken cancellationToken)
    {
        if (events.Count == 0)
        {
            return new BatchOutcome(0, [], null, null);
        }
        if (wholeBatchFirst)
        {
            await transaction.SaveAsync(BatchSavepoint, cancellationToken);
            try
            {
                await projection.Projection.ApplyAsync(transaction, events, tables, cancellationToken);
                await transaction.ReleaseAsync(BatchSavepoint, cancellationToken);
                return new BatchOutcome(events.Count, [], null, events[^1].Checkpoint);
            }
            catch (Exception ex) when (IsEventFailure(ex, cancellationToken))
            {
                await transaction.RollbackAsync(BatchSavepoint, cancellationToken);
            }
        }

        var applied = 0;
        var skipped = new List<(FailedEvent, Exception)>();
        Checkpoint? lastDone = null;
        foreach (var recorded in events)
        {
            await transaction.SaveAsync(EventSavepoint, cancellationToken);
            try
            {
                await projection.Projection.ApplyAsync(transaction, [recorded], tables, cancellationToken);
                await transaction.ReleaseAsync(EventSavepoint, cancellationToken);
                applied++;
            }
            catch (Exception ex) when (IsEventFailure(ex, cancellationToken))
            {
                await transaction.RollbackAsync(EventSavepoint, cancellationToken);
                var failed = Describe(recorded);
                if (policy == PoisonEventPolicy.Pause || TransientErrors.IsStructural(ex))
                {
                    return new BatchOutcome(applied, skipped, (failed, ex), lastDone);
                }
                skipped.Add((failed, ex));
            }
            lastDone = recorded.Checkpoint;
        }
        return new BatchOutcome(applied, skipped, null, lastDone);
    }

    /// <summary>An error of the event (or of the projection's code), not of the database or of cancellation.</summary>
    public static bool IsEventFailure(Exception exception, CancellationToken cancellationToken) =>
        !(exception is OperationCanceledException && cancellationToken.IsCancellationRequested) && !TransientErrors.IsTransient(exception);

    public static FailedEvent Describe(RecordedEvent recorded) =>
        new(recorded.Checkpoint, recorded.EventId, recorded.StreamId, recorded.Version.Value, recorded.TypeName);
}
