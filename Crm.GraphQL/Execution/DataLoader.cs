namespace Crm.GraphQL.Execution;

/// <summary>Lets the executor dispatch a request's loaders when its resolvers have run out of synchronous work.</summary>
internal interface IDataLoaderDispatcher
{
    /// <summary>A loader has keys waiting for a batch.</summary>
    void OnKeysPending();

    /// <summary>A batch result is being handed to the waiting resolvers.</summary>
    void BeginCompletion();

    /// <summary>Every waiting resolver has been handed its value.</summary>
    void EndCompletion();
}

/// <summary>A loader whose pending keys can be sent as a batch.</summary>
public interface IDataLoader
{
    /// <summary>Whether keys are waiting for the next batch.</summary>
    bool HasPendingKeys { get; }

    /// <summary>Sends the pending keys as one or more batches and completes when their values are delivered.</summary>
    Task DispatchAsync(CancellationToken cancellationToken = default);
}

/// <summary>
/// Batches and caches loads by key. Keys requested while resolvers run are collected and fetched
/// in one call when the executor runs out of synchronous work (one call per wave of the response
/// tree instead of one per object); every key is fetched at most once per request.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type; missing keys load as <c>default</c>.</typeparam>
public sealed class DataLoader<TKey, TValue> : IDataLoader
    where TKey : notnull
{
    private readonly Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> _fetch;
    private readonly IDataLoaderDispatcher? _dispatcher;
    private readonly Dictionary<TKey, TaskCompletionSource<TValue?>> _cache;
    private readonly int _maxBatchSize;
    private List<(TKey Key, TaskCompletionSource<TValue?> Completion)> _pending = [];

    /// <summary>
    /// Creates a loader used outside an execution; call <see cref="DispatchAsync"/> to send the
    /// pending keys. Inside resolvers use <c>context.DataLoader(…)</c>, which the executor dispatches.
    /// </summary>
    /// <param name="fetch">Loads the values of a batch of distinct keys; keys it leaves out load as <c>default</c>.</param>
    /// <param name="maxBatchSize">The most keys per call; 0 for no limit.</param>
    /// <param name="comparer">Compares keys; the default comparer when omitted.</param>
    public DataLoader(
        Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch,
        int maxBatchSize = 0,
        IEqualityComparer<TKey>? comparer = null)
        : this(fetch, null, maxBatchSize, comparer)
    {
    }

    internal DataLoader(
        Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch,
        IDataLoaderDispatcher? dispatcher,
        int maxBatchSize,
        IEqualityComparer<TKey>? comparer)
    {
        ArgumentNullException.ThrowIfNull(fetch);
        ArgumentOutOfRangeException.ThrowIfNegative(maxBatchSize);
        _fetch = fetch;
        _dispatcher = dispatcher;
        _maxBatchSize = maxBatchSize;
        _cache = new Dictionary<TKey, TaskCompletionSource<TValue?>>(comparer);
    }

    /// <inheritdoc />
    public bool HasPendingKeys
    {
        get
        {
            lock (_cache)
            {
                return _pending.Count > 0;
            }
        }
    }

    /// <summary>Loads the value of a key: from the cache, or with the next batch.</summary>
    public Task<TValue?> LoadAsync(TKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        bool first;
        TaskCompletionSource<TValue?> completion;
        lock (_cache)
        {
            if (_cache.TryGetValue(key, out var cached))
            {
                return cached.Task;
            }
            // Continuations run synchronously when the batch completes, so that every resolver of the
            // wave has produced its value before the executor looks for the next wave's keys.
            completion = new TaskCompletionSource<TValue?>();
            _cache[key] = completion;
            first = _pending.Count == 0;
            _pending.Add((key, completion));
        }
        if (first)
        {
            _dispatcher?.OnKeysPending();
        }
        return completion.Task;
    }

    /// <summary>Loads the values of several keys, in the order of the keys.</summary>
    public async Task<TValue?[]> LoadManyAsync(IEnumerable<TKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var tasks = keys.Select(LoadAsync).ToArray();
        return await Task.WhenAll(tasks);
    }

    /// <summary>Puts a known value in the cache, unless the key is already there.</summary>
    public void Prime(TKey key, TValue value)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_cache)
        {
            if (!_cache.ContainsKey(key))
            {
                var completion = new TaskCompletionSource<TValue?>();
                completion.SetResult(value);
                _cache[key] = completion;
            }
        }
    }

    /// <summary>Removes a key from the cache so that the next load fetches it again.</summary>
    public void Clear(TKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_cache)
        {
            _cache.Remove(key);
        }
    }

    /// <inheritdoc />
    public async Task DispatchAsync(CancellationToken cancellationToken = default)
    {
        List<(TKey Key, TaskCompletionSource<TValue?> Completion)> batch;
        lock (_cache)
        {
            if (_pending.Count == 0)
            {
                return;
            }
            batch = _pending;
            _pending = [];
        }
        if (_maxBatchSize == 0 || batch.Count <= _maxBatchSize)
        {
            await FetchAsync(batch, cancellationToken);
            return;
        }
        var parts = new List<Task>();
        for (var start = 0; start < batch.Count; start += _maxBatchSize)
        {
            parts.Add(FetchAsync(batch.GetRange(start, Math.Min(_maxBatchSize, batch.Count - start)), cancellationToken));
        }
        await Task.WhenAll(parts);
    }

    private async Task FetchAsync(List<(TKey Key, TaskCompletionSource<TValue?> Completion)> batch, CancellationToken cancellationToken)
    {
        var keys = new TKey[batch.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = batch[i].Key;
        }
        IReadOnlyDictionary<TKey, TValue>? values = null;
        Exception? failure = null;
        try
        {
            values = await _fetch(keys, cancellationToken);
        }
        catch (Exception ex)
        {
            failure = ex;
        }
        _dispatcher?.BeginCompletion();
        try
        {
            foreach (var (key, completion) in batch)
            {
                if (failure is not null)
                {
                    completion.TrySetException(failure);
                }
                else
                {
                    completion.TrySetResult(values!.TryGetValue(key, out var value) ? value : default);
                }
            }
        }
        finally
        {
            _dispatcher?.EndCompletion();
        }
        if (failure is not null)
        {
            // A failed batch is not cached: a later load tries again.
            lock (_cache)
            {
                foreach (var (key, completion) in batch)
                {
                    if (_cache.TryGetValue(key, out var cached) && ReferenceEquals(cached, completion))
                    {
                        _cache.Remove(key);
                    }
                }
            }
        }
    }
}
