using Crm.GraphQL.Types;

namespace Crm.GraphQL.Execution;

/// <summary>DataLoader access for resolvers.</summary>
public static class ResolverContextExtensions
{
    /// <summary>
    /// The request's DataLoader with the given name, created with <paramref name="fetch"/> on first use.
    /// Keys loaded by the resolvers of one wave are fetched in one call; values are cached for the request.
    /// </summary>
    public static DataLoader<TKey, TValue> DataLoader<TKey, TValue>(
        this IResolverContext context,
        string name,
        Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch,
        int maxBatchSize = 0)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(fetch);
        return Registry(context).GetOrAdd(name, dispatcher => new DataLoader<TKey, TValue>(fetch, dispatcher, maxBatchSize, null));
    }

    /// <summary>
    /// A DataLoader whose fetch returns the found values as a sequence; <paramref name="keyOf"/> gives each value's key.
    /// </summary>
    public static DataLoader<TKey, TValue> DataLoader<TKey, TValue>(
        this IResolverContext context,
        string name,
        Func<IReadOnlyList<TKey>, CancellationToken, Task<IEnumerable<TValue>>> fetch,
        Func<TValue, TKey> keyOf,
        int maxBatchSize = 0)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(fetch);
        ArgumentNullException.ThrowIfNull(keyOf);
        return context.DataLoader<TKey, TValue>(
            name,
            async (keys, cancellationToken) =>
            {
                var map = new Dictionary<TKey, TValue>();
                foreach (var value in await fetch(keys, cancellationToken))
                {
                    map.TryAdd(keyOf(value), value);
                }
                return map;
            },
            maxBatchSize);
    }

    /// <summary>A DataLoader of one-to-many relations: each key loads the (possibly empty) array of its values.</summary>
    public static DataLoader<TKey, TValue[]> GroupDataLoader<TKey, TValue>(
        this IResolverContext context,
        string name,
        Func<IReadOnlyList<TKey>, CancellationToken, Task<ILookup<TKey, TValue>>> fetch,
        int maxBatchSize = 0)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(fetch);
        return context.DataLoader<TKey, TValue[]>(
            name,
            async (keys, cancellationToken) =>
            {
                var lookup = await fetch(keys, cancellationToken);
                var map = new Dictionary<TKey, TValue[]>(keys.Count);
                foreach (var key in keys)
                {
                    map[key] = [.. lookup[key]];
                }
                return map;
            },
            maxBatchSize);
    }

    private static DataLoaderRegistry Registry(IResolverContext context) =>
        context is ResolverContext executing
            ? executing.Execution.DataLoaders
            : throw new InvalidOperationException("DataLoaders are available to resolvers run by the GraphQL executor.");
}
