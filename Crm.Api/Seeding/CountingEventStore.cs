using System.Collections.Concurrent;
using Crm.EventStore;
using Npgsql;

namespace Crm.Api.Seeding;

/// <summary>
/// The event store the generator writes through: every call goes to the real store unchanged,
/// and the events of each successful append are counted by type for the summary.
/// </summary>
internal sealed class CountingEventStore(IEventStore inner) : IEventStore
{
    private readonly ConcurrentDictionary<Type, long> _counts = new();
    private long _total;

    /// <summary>Events appended so far.</summary>
    public long Total => Interlocked.Read(ref _total);

    /// <summary>Events appended so far, per event type.</summary>
    public IReadOnlyDictionary<Type, long> ByType => new Dictionary<Type, long>(_counts);

    public Task InitializeAsync(CancellationToken cancellationToken = default) => inner.InitializeAsync(cancellationToken);

    public async Task<AppendResult> AppendAsync(string streamId, ExpectedVersion expectedVersion, IReadOnlyList<EventData> events, CancellationToken cancellationToken = default)
    {
        var result = await inner.AppendAsync(streamId, expectedVersion, events, cancellationToken);
        Count(events);
        return result;
    }

    public async Task<IReadOnlyList<AppendResult>> AppendAsync(IReadOnlyList<StreamAppend> appends, CancellationToken cancellationToken = default)
    {
        var results = await inner.AppendAsync(appends, cancellationToken);
        Count(appends);
        return results;
    }

    // Counted before the caller commits: the generator never rolls back a transaction it appended in.
    public async Task<IReadOnlyList<AppendResult>> AppendAsync(IReadOnlyList<StreamAppend> appends, NpgsqlTransaction transaction, CancellationToken cancellationToken = default)
    {
        var results = await inner.AppendAsync(appends, transaction, cancellationToken);
        Count(appends);
        return results;
    }

    public async Task<ImportResult> ImportAsync(IReadOnlyList<StreamAppend> streams, CancellationToken cancellationToken = default)
    {
        var result = await inner.ImportAsync(streams, cancellationToken);
        Count(streams);
        return result;
    }

    public Task<StreamPage> ReadStreamAsync(string streamId, ReadStreamOptions? options = null, CancellationToken cancellationToken = default) =>
        inner.ReadStreamAsync(streamId, options, cancellationToken);

    public Task<AggregateResult<TState>> AggregateAsync<TState>(
        string streamId,
        TState initial,
        Func<TState, RecordedEvent, TState> evolve,
        StreamVersion? upToVersion = null,
        DateTimeOffset? upToMoment = null,
        CancellationToken cancellationToken = default) =>
        inner.AggregateAsync(streamId, initial, evolve, upToVersion, upToMoment, cancellationToken);

    public Task<AllEventsPage> ReadAllAsync(Checkpoint after, ReadAllOptions? options = null, CancellationToken cancellationToken = default) =>
        inner.ReadAllAsync(after, options, cancellationToken);

    public Task<StreamInfo?> GetStreamAsync(string streamId, CancellationToken cancellationToken = default) => inner.GetStreamAsync(streamId, cancellationToken);

    public Task<bool> ArchiveStreamAsync(string streamId, CancellationToken cancellationToken = default) => inner.ArchiveStreamAsync(streamId, cancellationToken);

    public Task<IntegrityReport> VerifyStreamAsync(string streamId, CancellationToken cancellationToken = default) => inner.VerifyStreamAsync(streamId, cancellationToken);

    public Task<IntegrityReport> VerifyAllAsync(CancellationToken cancellationToken = default) => inner.VerifyAllAsync(cancellationToken);

    public Task<StoreDigest> ComputeDigestAsync(Checkpoint? upTo = null, CancellationToken cancellationToken = default) => inner.ComputeDigestAsync(upTo, cancellationToken);

    public Task<DigestCheckResult> CheckDigestAsync(StoreDigest recorded, CancellationToken cancellationToken = default) => inner.CheckDigestAsync(recorded, cancellationToken);

    private void Count(IReadOnlyList<StreamAppend> appends)
    {
        foreach (var append in appends)
        {
            Count(append.Events);
        }
    }

    private void Count(IReadOnlyList<EventData> events)
    {
        foreach (var data in events)
        {
            _counts.AddOrUpdate(data.Data.GetType(), 1, static (_, n) => n + 1);
        }
        Interlocked.Add(ref _total, events.Count);
    }
}
