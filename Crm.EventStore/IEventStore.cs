using Npgsql;

namespace Crm.EventStore;

/// <summary>
/// An append-only store of event streams in PostgreSQL: appends with optimistic concurrency,
/// stream reads with time travel, a commit-ordered catch-up read, and integrity verification.
/// </summary>
public interface IEventStore
{
    /// <summary>Applies the store's schema migrations now, instead of on first use.</summary>
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>Appends events to one stream in one round trip; all or nothing.</summary>
    /// <exception cref="WrongExpectedVersionException">The stream was not at <paramref name="expectedVersion"/>; nothing was written.</exception>
    /// <exception cref="StreamArchivedException">The stream is archived; nothing was written.</exception>
    /// <exception cref="UnknownEventTypeException">An event's type is not registered; nothing was written.</exception>
    /// <exception cref="ArgumentException">An empty stream id, no events, a null event or data PostgreSQL cannot store; nothing was written.</exception>
    Task<AppendResult> AppendAsync(string streamId, ExpectedVersion expectedVersion, IReadOnlyList<EventData> events, CancellationToken cancellationToken = default);

    /// <summary>Appends events to several streams as one unit: every expected version holds and all events are written, or nothing is.</summary>
    /// <returns>One result per stream, in the order given.</returns>
    Task<IReadOnlyList<AppendResult>> AppendAsync(IReadOnlyList<StreamAppend> appends, CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends inside the caller's transaction (e.g. with an outbox row); the append hooks run in it
    /// too and nothing is committed until the caller commits. Append before any other write of the
    /// transaction where possible: a transaction that wrote earlier may be refused with
    /// <see cref="EventStoreConcurrencyException"/> when a newer transaction wrote the stream meanwhile.
    /// </summary>
    /// <remarks>
    /// With notifications on, this append notifies inside the caller's transaction, so listeners are
    /// woken exactly when, and only if, the caller commits. That notification costs what PostgreSQL
    /// charges every notifying commit: a cluster-wide lock held until the commit is flushed, which
    /// serializes such commits. Appends the store commits itself notify from outside their transaction.
    /// </remarks>
    Task<IReadOnlyList<AppendResult>> AppendAsync(IReadOnlyList<StreamAppend> appends, NpgsqlTransaction transaction, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes many events with binary COPY, in one transaction: for imports and seeding. The same
    /// checks, hashes and hooks as an append; events of one stream keep the order given.
    /// </summary>
    Task<ImportResult> ImportAsync(IReadOnlyList<StreamAppend> streams, CancellationToken cancellationToken = default);

    /// <summary>Reads one page of a stream, forward or backward, optionally as it was at a version or a moment.</summary>
    Task<StreamPage> ReadStreamAsync(string streamId, ReadStreamOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Folds a stream's events into a state, optionally only up to a version or a moment (time travel).</summary>
    Task<AggregateResult<TState>> AggregateAsync<TState>(
        string streamId,
        TState initial,
        Func<TState, RecordedEvent, TState> evolve,
        StreamVersion? upToVersion = null,
        DateTimeOffset? upToMoment = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads the events after <paramref name="after"/> in commit order, for catch-up consumers. Never
    /// skips an event and never waits on a gap: an event is delivered once every transaction older
    /// than its own has finished, so nothing can later appear before a checkpoint already passed.
    /// </summary>
    Task<AllEventsPage> ReadAllAsync(Checkpoint after, ReadAllOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>A stream's record, or null when the stream does not exist.</summary>
    Task<StreamInfo?> GetStreamAsync(string streamId, CancellationToken cancellationToken = default);

    /// <summary>Archives a stream: it stays readable (and in the catch-up read) but takes no more events.</summary>
    /// <returns>False when the stream does not exist.</returns>
    Task<bool> ArchiveStreamAsync(string streamId, CancellationToken cancellationToken = default);

    /// <summary>Recomputes one stream's hash chain and reports the first event that does not match.</summary>
    Task<IntegrityReport> VerifyStreamAsync(string streamId, CancellationToken cancellationToken = default);

    /// <summary>Recomputes every stream's hash chain and reports the first event that does not match in each broken stream.</summary>
    Task<IntegrityReport> VerifyAllAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Computes the store digest up to <paramref name="upTo"/> (by default up to the newest event
    /// that can no longer change), recomputing every hash on the way.
    /// </summary>
    /// <exception cref="EventStoreIntegrityException">The store fails verification up to that checkpoint.</exception>
    /// <exception cref="ArgumentException"><paramref name="upTo"/> is past what is final: transactions that could still add events before it are running.</exception>
    Task<StoreDigest> ComputeDigestAsync(Checkpoint? upTo = null, CancellationToken cancellationToken = default);

    /// <summary>Recomputes the digest at a recorded digest's checkpoint and compares.</summary>
    Task<DigestCheckResult> CheckDigestAsync(StoreDigest recorded, CancellationToken cancellationToken = default);
}
