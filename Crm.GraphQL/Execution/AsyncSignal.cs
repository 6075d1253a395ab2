namespace Crm.GraphQL.Execution;

/// <summary>
/// An auto-reset wake-up for the execution loop that coalesces signals and needs no disposal,
/// so late signals from resolvers that outlive a timed-out request are harmless.
/// </summary>
internal sealed class AsyncSignal
{
    private TaskCompletionSource? _waiter;
    private int _signaled;

    public void Set()
    {
        var waiter = Interlocked.Exchange(ref _waiter, null);
        if (waiter is not null)
        {
            waiter.TrySetResult();
        }
        else
        {
            Volatile.Write(ref _signaled, 1);
        }
    }

    public Task WaitAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _signaled, 0) == 1)
        {
            return Task.CompletedTask;
        }
        var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _waiter, waiter);
        // A signal that arrived while the waiter was being installed must not be lost.
        if (Interlocked.Exchange(ref _signaled, 0) == 1)
        {
            Interlocked.CompareExchange(ref _waiter, null, waiter);
            return Task.CompletedTask;
        }
        return cancellationToken.CanBeCanceled ? waiter.Task.WaitAsync(cancellationToken) : waiter.Task;
    }
}
