using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace Crm.EventStore.Postgres;

/// <summary>
/// Wakes listeners after appends have committed, from outside the appends' transactions.
/// </summary>
/// <remarks>
/// A PostgreSQL transaction that has notified takes a lock for the whole cluster at commit and
/// holds it until its commit record is flushed, so notifying inside every append would make
/// appending commits flush one at a time (no group commit). Instead each committed append
/// <see cref="Signal"/>s this sender, and one background loop issues a single <c>pg_notify</c>, on
/// a pooled connection of its own, for everything signalled since its previous one: at most one
/// notifying transaction is in flight per store, and appends never wait for it. A failed
/// notification is reported and otherwise dropped; the next signal sends again, and consumers
/// that poll lose at most one poll interval.
/// </remarks>
internal sealed class AppendNotifier : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _channel;
    private readonly Action<Exception>? _onFailure;
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private Task? _sender;
    private bool _disposed;
    private int _wakePending;
    private long _signals;
    private long _covered;
    private long _sent;

    public AppendNotifier(NpgsqlDataSource dataSource, string channel, Action<Exception>? onFailure)
    {
        _dataSource = dataSource;
        _channel = channel;
        _onFailure = onFailure;
    }

    /// <summary>Appends signalled so far.</summary>
    internal long Signals => Interlocked.Read(ref _signals);

    /// <summary>How many signals the last successful notification covered (it was sent after all of them).</summary>
    internal long CoveredSignals => Interlocked.Read(ref _covered);

    /// <summary>Notifications sent successfully.</summary>
    internal long Sent => Interlocked.Read(ref _sent);

    /// <summary>Whether the background sender is running (started by the first signal, ended by disposal).</summary>
    internal bool IsRunning
    {
        get
        {
            lock (_gate)
            {
                return _sender is { IsCompleted: false };
            }
        }
    }

    /// <summary>Notes that an append has committed; returns at once. Ignored after disposal.</summary>
    public void Signal()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            // Counted before the wake-up: a send that reads the count after it covers this append.
            Interlocked.Increment(ref _signals);
            _sender ??= Task.Run(() => SendAsync(_stopping.Token), CancellationToken.None);
        }
        if (Interlocked.Exchange(ref _wakePending, 1) == 0)
        {
            _wake.Release();
        }
    }

    /// <summary>Stops the sender; a notification in flight is cancelled, signals not yet sent are dropped.</summary>
    public async ValueTask DisposeAsync()
    {
        Task? sender;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            sender = _sender;
        }
        await _stopping.CancelAsync();
        if (sender is not null)
        {
            await sender;
        }
        _stopping.Dispose();
    }

    private async Task SendAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await _wake.WaitAsync(stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            // Cleared before reading the count: a signal counted after the read finds the flag
            // clear and wakes this loop once more, so no committed append is left unannounced.
            Volatile.Write(ref _wakePending, 0);
            var upTo = Interlocked.Read(ref _signals);
            try
            {
                await using var connection = await _dataSource.OpenConnectionAsync(stopping);
                await using var notify = new NpgsqlCommand("SELECT pg_notify($1, '')", connection);
                notify.Parameters.Add(new NpgsqlParameter { Value = _channel, NpgsqlDbType = NpgsqlDbType.Text });
                await notify.ExecuteNonQueryAsync(stopping);
                Interlocked.Exchange(ref _covered, upTo);
                Interlocked.Increment(ref _sent);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                ReportFailure(ex);
            }
        }
    }

    private void ReportFailure(Exception failure)
    {
        if (_onFailure is null)
        {
            Trace.TraceWarning($"The event store could not notify '{_channel}' after an append; the next append notifies again: {failure.Message}");
            return;
        }
        try
        {
            _onFailure(failure);
        }
        catch (Exception callbackFailure)
        {
            // The sender must outlive a faulty callback: appends keep signalling it.
            Trace.TraceError($"The event store's notification failure callback threw: {callbackFailure}");
        }
    }
}
