using System.Collections.Concurrent;

namespace Crm.GraphQL.Execution;

/// <summary>The DataLoaders of one request, by name.</summary>
internal sealed class DataLoaderRegistry(IDataLoaderDispatcher dispatcher)
{
    private readonly ConcurrentDictionary<string, IDataLoader> _loaders = new(StringComparer.Ordinal);

    public IDataLoaderDispatcher Dispatcher { get; } = dispatcher;

    public bool HasPendingKeys
    {
        get
        {
            foreach (var loader in _loaders.Values)
            {
                if (loader.HasPendingKeys)
                {
                    return true;
                }
            }
            return false;
        }
    }

    public T GetOrAdd<T>(string name, Func<IDataLoaderDispatcher, T> create)
        where T : IDataLoader
    {
        var loader = _loaders.GetOrAdd(name, static (_, state) => state.create(state.Dispatcher), (create, Dispatcher));
        return loader is T typed
            ? typed
            : throw new InvalidOperationException($"The DataLoader \"{name}\" of this request is a {loader.GetType().Name}, not a {typeof(T).Name}; use distinct names for distinct loaders.");
    }

    public void DispatchAll(CancellationToken cancellationToken)
    {
        foreach (var loader in _loaders.Values)
        {
            if (loader.HasPendingKeys)
            {
                // Failures reach the waiting resolvers through their tasks; nothing to observe here.
                _ = loader.DispatchAsync(cancellationToken);
            }
        }
    }
}
