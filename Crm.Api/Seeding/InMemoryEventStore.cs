using Crm.EventStore;
using Npgsql;

namespace Crm.Api.Seeding;

/// <summary>
/// An event store held in the process, for generating a large history quickly: the generator runs
/// the API's commands against it exactly as against the database (streams, expected versions,
/// stream reads and aggregation), and the events are then written to the real store in large
/// imports (<see cref="TakePending"/> and <see cref="IEventStore.ImportAsync"/>). Thread-safe for
/// appends to different streams at once; appends to one stream are serialized.
/// </summary>
/// <remarks>
/// What only the database can do is refused with <see cref="NotSupportedException"/>: the
/// commit-order read, appends inside a database transaction, and the hash-chain checks. Events are
/// kept as given (no JSON round trip) and their hashes are empty.
/// </remarks>
internal sealed partial class InMemoryEventStore(EventTypeRegistry types, TimeProvider? clock = null) : IEventStore
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, HeldStream> _streams = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly Lock _pendingLock = new();
    private List<HeldStream> _pending = [];
    private long _position;

    /// <summary>Events the store holds.</summary>
    public long Count => Interlocked.Read(ref _position);

    public Task InitializeAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<AppendResult> AppendAsync(string streamId, ExpectedVersion expectedVersion, IReadOnlyList<EventData> events, CancellationToken cancellationToken = default) =>
        Task.FromResult(Append([new StreamAppend(streamId, expectedVersion, events)])[0]);

    public Task<IReadOnlyList<AppendResult>> AppendAsync(IReadOnlyList<StreamAppend> appends, CancellationToken cancellationToken = default) =>
        Task.FromResult(Append(appends));

    public Task<IReadOnlyList<AppendResult>> AppendAsync(IReadOnlyList<StreamAppend> appends, NpgsqlTransaction transaction, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The in-memory event store cannot append inside a database transaction.");

    public Task<ImportResult> ImportAsync(IReadOnlyList<StreamAppend> streams, CancellationToken cancellationToken = default)
    {
        var results = Append(streams);
        return Task.FromResult(new ImportResult(results.Count, results.Sum(r => (long)r.Events.Count)));
    }

    public Task<StreamPage> ReadStreamAsync(string streamId, ReadStreamOptions? options = null, CancellationToken cancellationToken = default)
    {
        ValidateStreamId(streamId);
        options ??= new ReadStreamOptions();
        if (options.MaxCount is < 1 or > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxCount, "MaxCount must be from 1 to 10,000.");
        }
        if (!_streams.TryGetValue(streamId, out var stream))
        {
            return Task.FromResult(new StreamPage(streamId, [], null));
        }
        lock (stream.Gate)
        {
            return Task.FromResult(stream.Read(streamId, options));
        }
    }

    /// <summary>
    /// Folds the stream. Commands do not fold whole streams again and again: the aggregate handler
    /// keeps each stream's state and reads only the events after it.
    /// </summary>
    public Task<AggregateResult<TState>> AggregateAsync<TState>(
        string streamId,
        TState initial,
        Func<TState, RecordedEvent, TState> evolve,
        StreamVersion? upToVersion = null,
        DateTimeOffset? upToMoment = null,
        CancellationToken cancellationToken = default)
    {
        ValidateStreamId(streamId);
        ArgumentNullException.ThrowIfNull(evolve);
        if (!_streams.TryGetValue(streamId, out var stream))
        {
            return Task.FromResult(new AggregateResult<TState>(initial, StreamVersion.None));
        }
        lock (stream.Gate)
        {
            return Task.FromResult(stream.Aggregate(initial, evolve, upToVersion, upToMoment));
        }
    }

    public Task<AllEventsPage> ReadAllAsync(Checkpoint after, ReadAllOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The in-memory event store has no commit-order read; import its events into the database and read them there.");

    public Task<StreamInfo?> GetStreamAsync(string streamId, CancellationToken cancellationToken = default)
    {
        ValidateStreamId(streamId);
        if (!_streams.TryGetValue(streamId, out var stream))
        {
            return Task.FromResult<StreamInfo?>(null);
        }
        lock (stream.Gate)
        {
            // A stream whose first append was refused exists only as an empty entry.
            return Task.FromResult(stream.Count == 0 ? null : stream.Info(streamId));
        }
    }

    public Task<bool> ArchiveStreamAsync(string streamId, CancellationToken cancellationToken = default)
    {
        ValidateStreamId(streamId);
        if (!_streams.TryGetValue(streamId, out var stream))
        {
            return Task.FromResult(false);
        }
        lock (stream.Gate)
        {
            if (stream.Count == 0)
            {
                return Task.FromResult(false);
            }
            stream.IsArchived = true;
        }
        return Task.FromResult(true);
    }

    public Task<IntegrityReport> VerifyStreamAsync(string streamId, CancellationToken cancellationToken = default) => throw NoHashes();

    public Task<IntegrityReport> VerifyAllAsync(CancellationToken cancellationToken = default) => throw NoHashes();

    public Task<StoreDigest> ComputeDigestAsync(Checkpoint? upTo = null, CancellationToken cancellationToken = default) => throw NoHashes();

    public Task<DigestCheckResult> CheckDigestAsync(StoreDigest recorded, CancellationToken cancellationToken = default) => throw NoHashes();

    /// <summary>
    /// The events appended since the last call, as imports for the real store: one per stream that
    /// grew, in the order the streams first grew, each expecting the version the previous import
    /// left the stream at (so consecutive imports continue the streams), with the events' own ids.
    /// Call it while nothing appends (e.g. between two simulated days).
    /// </summary>
    public IReadOnlyList<StreamAppend> TakePending()
    {
        List<HeldStream> grown;
        lock (_pendingLock)
        {
            grown = _pending;
            _pending = [];
        }
        var imports = new List<StreamAppend>(grown.Count);
        foreach (var stream in grown)
        {
            lock (stream.Gate)
            {
                imports.Add(stream.TakePending());
            }
        }
        return imports;
    }

    /// <summary>
    /// Copies a stream of <paramref name="source"/> into this store as already imported (it is not
    /// part of <see cref="TakePending"/>; imports of what is appended to it later continue it).
    /// </summary>
    /// <returns>The number of events copied (0 when the source has no such stream).</returns>
    /// <exception cref="InvalidOperationException">This store holds the stream already.</exception>
    public async Task<long> LoadAsync(IEventStore source, string streamId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ValidateStreamId(streamId);
        var info = await source.GetStreamAsync(streamId, cancellationToken);
        if (info is null)
        {
            return 0;
        }
        var stream = new HeldStream(info.StreamType);
        if (!_streams.TryAdd(streamId, stream))
        {
            throw new InvalidOperationException($"The in-memory store holds stream '{streamId}' already; load streams before appending to them.");
        }
        var options = new ReadStreamOptions { MaxCount = 10_000 };
        lock (stream.Gate)
        {
            stream.IsArchived = info.IsArchived;
        }
        while (true)
        {
            var page = await source.ReadStreamAsync(streamId, options, cancellationToken);
            lock (stream.Gate)
            {
                foreach (var e in page.Events)
                {
                    stream.Add(streamId, new EventData(e.Data, e.Metadata) { EventId = e.EventId }, Interlocked.Increment(ref _position), e.RecordedAt, types);
                }
                stream.MarkImported();
            }
            if (page.NextVersion is not { } next)
            {
                return stream.Count;
            }
            options = options with { FromVersion = next };
        }
    }

    private IReadOnlyList<AppendResult> Append(IReadOnlyList<StreamAppend> appends)
    {
        ArgumentNullException.ThrowIfNull(appends);
        if (appends.Count == 0)
        {
            throw new ArgumentException("There is nothing to append.", nameof(appends));
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var append in appends)
        {
            ArgumentNullException.ThrowIfNull(append, nameof(appends));
            ValidateStreamId(append.StreamId);
            if (!names.Add(append.StreamId))
            {
                throw new ArgumentException($"Stream '{append.StreamId}' appears twice in one append.", nameof(appends));
            }
            if (append.Events is null || append.Events.Count == 0)
            {
                throw new ArgumentException($"The append to stream '{append.StreamId}' has no events.", nameof(appends));
            }
            foreach (var e in append.Events)
            {
                ArgumentNullException.ThrowIfNull(e, nameof(appends));
                types.GetTypeName(e.Data.GetType());
            }
        }

        // Streams are locked in one global order, so two multi-stream appends never deadlock.
        var streams = appends
            .Select(a => (Append: a, Stream: _streams.GetOrAdd(a.StreamId, static (_, type) => new HeldStream(type), a.StreamType)))
            .OrderBy(s => s.Append.StreamId, StringComparer.Ordinal)
            .ToArray();
        var locked = 0;
        try
        {
            foreach (var (_, stream) in streams)
            {
                stream.Gate.Enter();
                locked++;
            }
            foreach (var (append, stream) in streams)
            {
                var actual = new StreamVersion(stream.Count);
                if (!append.ExpectedVersion.IsSatisfiedBy(actual))
                {
                    throw new WrongExpectedVersionException(append.StreamId, append.ExpectedVersion, actual);
                }
                if (stream.IsArchived)
                {
                    throw new StreamArchivedException(append.StreamId);
                }
            }
            var now = _clock.GetUtcNow();
            var results = new Dictionary<string, AppendResult>(StringComparer.Ordinal);
            foreach (var (append, stream) in streams)
            {
                var recorded = new RecordedEvent[append.Events.Count];
                for (var i = 0; i < recorded.Length; i++)
                {
                    var position = Interlocked.Increment(ref _position);
                    recorded[i] = stream.Add(append.StreamId, append.Events[i], position, now, types);
                }
                if (stream.MarkPending())
                {
                    lock (_pendingLock)
                    {
                        _pending.Add(stream);
                    }
                }
                results[append.StreamId] = new AppendResult(append.StreamId, new StreamVersion(stream.Count), recorded);
            }
            return [.. appends.Select(a => results[a.StreamId])];
        }
        finally
        {
            for (var i = 0; i < locked; i++)
            {
                streams[i].Stream.Gate.Exit();
            }
        }
    }

    private static void ValidateStreamId(string streamId)
    {
        if (string.IsNullOrWhiteSpace(streamId))
        {
            throw new ArgumentException("A stream id must not be empty.", nameof(streamId));
        }
    }

    private static NotSupportedException NoHashes() =>
        new("The in-memory event store keeps no hash chain; verify the events after importing them into the database.");
}
