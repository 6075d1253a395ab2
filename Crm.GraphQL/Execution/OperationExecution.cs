using System.Collections.Concurrent;
using Crm.GraphQL.Types;

namespace Crm.GraphQL.Execution;

/// <summary>
/// Executes one operation. Fields run breadth-first from a queue on a single logical thread:
/// synchronous resolvers complete inline without allocating tasks; asynchronous ones are parked
/// and their completions come back through a concurrent queue. When no synchronous work is left,
/// pending DataLoader keys (requested by the whole wave of resolvers just run) are dispatched as
/// batches before the executor waits. All writes to the response tree happen on the loop.
/// </summary>
internal sealed partial class OperationExecution : IDataLoaderDispatcher
{
    private readonly Queue<FieldTask> _queue = new();
    // Created when the first resolver goes asynchronous: fully synchronous requests never need them.
    private ConcurrentQueue<PendingField>? _completed;
    private AsyncSignal? _signal;
    private readonly List<GraphQLError> _errors = [];
    private readonly CancellationToken _requestToken;
    private CancellationTokenSource? _timeout;
    private DataLoaderRegistry? _dataLoaders;
    private ConcurrentDictionary<string, object?>? _contextData;
    private int _pending;
    private int _suppressWake;

    public OperationExecution(OperationPlan plan, GraphQLRequest request, IReadOnlyDictionary<string, object?> variables, CancellationToken cancellationToken)
    {
        Plan = plan;
        Request = request;
        Variables = variables;
        _requestToken = cancellationToken;
        CancellationToken = cancellationToken;
    }

    public OperationPlan Plan { get; }

    public Schema Schema => Plan.Schema;

    public ExecutorOptions Options => Plan.Options;

    public GraphQLRequest Request { get; }

    public IReadOnlyDictionary<string, object?> Variables { get; }

    /// <summary>The request's token, replaced by one that also fires on timeout once the execution goes asynchronous.</summary>
    public CancellationToken CancellationToken { get; private set; }

    // Both may first be asked for by resolvers running concurrently on other threads.
    public ConcurrentDictionary<string, object?> ContextData =>
        Volatile.Read(ref _contextData) ?? Interlocked.CompareExchange(ref _contextData, CreateContextData(), null) ?? _contextData;

    /// <summary>Set when executing a subscription event: a root field without resolver yields the event itself.</summary>
    public bool IsSubscriptionEvent { get; init; }

    public DataLoaderRegistry DataLoaders =>
        Volatile.Read(ref _dataLoaders) ?? Interlocked.CompareExchange(ref _dataLoaders, new DataLoaderRegistry(this), null) ?? _dataLoaders;

    /// <summary>Runs the operation's root selection set on <paramref name="rootValue"/>.</summary>
    public async Task<ExecutionResult> ExecuteAsync(object? rootValue, bool serial)
    {
        var rootPlan = Plan.GetRootPlan(Variables);
        var data = new ResultMap(rootPlan, null, -1);
        try
        {
            if (serial)
            {
                // Mutation root fields run one after another, each with everything below it.
                for (var i = 0; i < rootPlan.Fields.Length && !data.IsNulled; i++)
                {
                    _queue.Enqueue(new FieldTask(data, i, rootPlan.Fields[i], rootValue));
                    await RunAsync();
                }
            }
            else
            {
                for (var i = 0; i < rootPlan.Fields.Length; i++)
                {
                    _queue.Enqueue(new FieldTask(data, i, rootPlan.Fields[i], rootValue));
                }
                await RunAsync();
            }
        }
        catch (OperationCanceledException) when (!_requestToken.IsCancellationRequested && _timeout is not null)
        {
            var timeout = Options.Timeout ?? TimeSpan.Zero;
            AddError(GraphQLError.WithCode($"The request exceeded the configured timeout of {timeout.TotalSeconds:0.###} seconds.", ErrorCodes.Timeout));
            return new ExecutionResult(null, hasData: true, SnapshotErrors());
        }
        finally
        {
            _timeout?.Dispose();
        }
        return new ExecutionResult(data.IsNulled ? null : data, hasData: true, SnapshotErrors());
    }

    private ValueTask RunAsync()
    {
        Drain();
        return _pending == 0 ? default : RunUntilDoneAsync();
    }

    private async ValueTask RunUntilDoneAsync()
    {
        if (_timeout is null && Options.Timeout is { } timeout && timeout != Timeout.InfiniteTimeSpan)
        {
            _timeout = CancellationTokenSource.CreateLinkedTokenSource(_requestToken);
            _timeout.CancelAfter(timeout);
            CancellationToken = _timeout.Token;
        }
        while (true)
        {
            Drain();
            if (_pending == 0)
            {
                return;
            }
            if (Volatile.Read(ref _dataLoaders) is { HasPendingKeys: true } loaders)
            {
                loaders.DispatchAll(CancellationToken);
                continue;
            }
            await Signal.WaitAsync(CancellationToken);
        }
    }

    private void Drain()
    {
        while (true)
        {
            while (_queue.TryDequeue(out var task))
            {
                CancellationToken.ThrowIfCancellationRequested();
                ExecuteField(task);
            }
            if (_completed is null || !_completed.TryDequeue(out var done))
            {
                return;
            }
            _pending--;
            CompletePending(done);
        }
    }

    private void ExecuteField(in FieldTask task)
    {
        var parent = task.Parent;
        var plan = task.Plan;
        if (parent.IsDetached())
        {
            return;
        }
        switch (plan.Kind)
        {
            case FieldKind.TypeName:
                parent.Values[task.Index] = plan.ParentType.Name;
                return;
            case FieldKind.IntrospectionDisabled:
                RaiseFieldError(parent, task.Index, plan, "Introspection is not allowed.", "INTROSPECTION_DISABLED");
                return;
            case FieldKind.Default:
            {
                object? value;
                try
                {
                    value = IsSubscriptionEvent && parent.Parent is null ? task.Source : DefaultResolver.Resolve(task.Source, plan.Field);
                }
                catch (Exception ex) when (IsFieldError(ex))
                {
                    RaiseFieldError(parent, task.Index, plan, ex);
                    return;
                }
                CompleteValue(parent, task.Index, plan, plan.Field.Type, value);
                return;
            }
        }
        var arguments = plan.StaticArguments;
        if (arguments is null)
        {
            try
            {
                arguments = ArgumentCoercion.Coerce(plan.Field, plan.Nodes[0].Arguments, Variables);
            }
            catch (CoercionException ex)
            {
                RaiseFieldError(parent, task.Index, plan, ex.Message, ErrorCodes.BadUserInput);
                return;
            }
        }
        var context = new ResolverContext(this, plan, parent, task.Index, task.Source, arguments);
        ValueTask<object?> result;
        try
        {
            result = plan.Field.Resolver!(context);
        }
        catch (Exception ex) when (IsFieldError(ex))
        {
            RaiseFieldError(parent, task.Index, plan, ex);
            return;
        }
        if (result.IsCompletedSuccessfully)
        {
            CompleteValue(parent, task.Index, plan, plan.Field.Type, result.Result);
            return;
        }
        _pending++;
        _completed ??= new ConcurrentQueue<PendingField>();
        new PendingField(this, parent, task.Index, plan, result).Start();
    }

    private void CompletePending(PendingField pending)
    {
        object? value;
        try
        {
            value = pending.Result.GetAwaiter().GetResult();
        }
        catch (Exception ex) when (IsFieldError(ex))
        {
            if (!pending.Parent.IsDetached())
            {
                RaiseFieldError(pending.Parent, pending.Index, pending.Plan, ex);
            }
            return;
        }
        if (!pending.Parent.IsDetached())
        {
            CompleteValue(pending.Parent, pending.Index, pending.Plan, pending.Plan.Field.Type, value);
        }
    }

    private AsyncSignal Signal => Volatile.Read(ref _signal) ?? Interlocked.CompareExchange(ref _signal, new AsyncSignal(), null) ?? _signal;

    private void OnResolverCompleted(PendingField pending)
    {
        _completed!.Enqueue(pending);
        if (Volatile.Read(ref _suppressWake) == 0)
        {
            Signal.Set();
        }
    }

    void IDataLoaderDispatcher.OnKeysPending()
    {
        if (Volatile.Read(ref _suppressWake) == 0)
        {
            Signal.Set();
        }
    }

    void IDataLoaderDispatcher.BeginCompletion() => Interlocked.Increment(ref _suppressWake);

    void IDataLoaderDispatcher.EndCompletion()
    {
        // One wake for a whole batch: every resolver continued by the batch has queued its result by now.
        if (Interlocked.Decrement(ref _suppressWake) == 0)
        {
            Signal.Set();
        }
    }

    private ConcurrentDictionary<string, object?> CreateContextData()
    {
        var data = new ConcurrentDictionary<string, object?>(StringComparer.Ordinal);
        if (Request.ContextData is { } initial)
        {
            foreach (var (key, value) in initial)
            {
                data[key] = value;
            }
        }
        return data;
    }

    private readonly record struct FieldTask(ResultMap Parent, int Index, FieldPlan Plan, object? Source);

    /// <summary>A resolver that did not complete synchronously, parked until it does.</summary>
    private sealed class PendingField(OperationExecution execution, ResultNode parent, int index, FieldPlan plan, ValueTask<object?> result)
    {
        public ResultNode Parent { get; } = parent;

        public int Index { get; } = index;

        public FieldPlan Plan { get; } = plan;

        public ValueTask<object?> Result { get; } = result;

        public void Start() => Result.GetAwaiter().UnsafeOnCompleted(() => execution.OnResolverCompleted(this));
    }
}
