using System.Collections.Concurrent;
using Crm.EventStore;

namespace Crm.Messaging.Internal;

/// <summary>
/// The last state a handler folded or wrote, per stream and aggregate definition, so the next
/// command on the stream reads only the events after it. Folds are pure and events immutable, so
/// the cached state plus the tail equals the fold of the whole stream.
/// </summary>
/// <remarks>
/// Bounded approximately: when full, about a quarter of the entries (whichever the dictionary
/// yields first) are dropped. A dropped or missing entry only costs one full load.
/// </remarks>
internal sealed class AggregateStateCache(int capacity)
{
    private readonly ConcurrentDictionary<(string Stream, object Definition), Entry> _entries = new();

    public int Count => _entries.Count;

    public bool TryGet<TState>(string streamId, object definition, out TState state, out StreamVersion version)
    {
        if (capacity > 0 && _entries.TryGetValue((streamId, definition), out var entry) && entry.State is TState typed)
        {
            state = typed;
            version = entry.Version;
            return true;
        }
        state = default!;
        version = StreamVersion.None;
        return false;
    }

    public void Set<TState>(string streamId, object definition, TState state, StreamVersion version)
    {
        if (capacity <= 0 || state is null)
        {
            return;
        }
        if (_entries.Count >= capacity)
        {
            Trim();
        }
        // A slower writer of an older state must not replace a newer one.
        _entries.AddOrUpdate(
            (streamId, definition),
            static (_, added) => added,
            static (_, existing, added) => added.Version >= existing.Version ? added : existing,
            new Entry(state, version));
    }

    public void Forget(string streamId, object definition) => _entries.TryRemove((streamId, definition), out _);

    private void Trim()
    {
        var excess = Math.Max(1, capacity / 4);
        foreach (var key in _entries.Keys)
        {
            if (excess-- <= 0)
            {
                break;
            }
            _entries.TryRemove(key, out _);
        }
    }

    private sealed record Entry(object State, StreamVersion Version);
}
