namespace Crm.GraphQL.Types;

/// <summary>Adapts the resolver shapes the builder accepts to <see cref="FieldResolver"/> and <see cref="SubscribeResolver"/>.</summary>
internal static class ResolverAdapters
{
    public static FieldResolver FromSync(Func<IResolverContext, object?> resolve)
    {
        ArgumentNullException.ThrowIfNull(resolve);
        return context => new ValueTask<object?>(resolve(context));
    }

    public static FieldResolver FromTask<T>(Func<IResolverContext, Task<T>> resolve)
    {
        ArgumentNullException.ThrowIfNull(resolve);
        return context =>
        {
            var task = resolve(context);
            return task.IsCompletedSuccessfully ? new ValueTask<object?>(task.Result) : Await(task);
        };
    }

    public static FieldResolver FromValueTask<T>(Func<IResolverContext, ValueTask<T>> resolve)
    {
        ArgumentNullException.ThrowIfNull(resolve);
        return context =>
        {
            var task = resolve(context);
            return task.IsCompletedSuccessfully ? new ValueTask<object?>(task.Result) : Await(task);
        };
    }

    public static SubscribeResolver FromStream<T>(Func<IResolverContext, IAsyncEnumerable<T>> subscribe)
    {
        ArgumentNullException.ThrowIfNull(subscribe);
        return context => new ValueTask<IAsyncEnumerable<object?>>(Box(subscribe(context)));
    }

    public static SubscribeResolver FromStreamTask<T>(Func<IResolverContext, Task<IAsyncEnumerable<T>>> subscribe)
    {
        ArgumentNullException.ThrowIfNull(subscribe);
        return async context => Box(await subscribe(context));
    }

    public static SubscribeResolver FromStreamValueTask<T>(Func<IResolverContext, ValueTask<IAsyncEnumerable<T>>> subscribe)
    {
        ArgumentNullException.ThrowIfNull(subscribe);
        return async context => Box(await subscribe(context));
    }

    private static async ValueTask<object?> Await<T>(Task<T> task) => await task;

    private static async ValueTask<object?> Await<T>(ValueTask<T> task) => await task;

    private static IAsyncEnumerable<object?> Box<T>(IAsyncEnumerable<T> stream) =>
        stream as IAsyncEnumerable<object?> ?? BoxItems(stream);

    private static async IAsyncEnumerable<object?> BoxItems<T>(IAsyncEnumerable<T> stream)
    {
        await foreach (var item in stream)
        {
            yield return item;
        }
    }
}
