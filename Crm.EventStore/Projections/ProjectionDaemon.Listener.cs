using Crm.EventStore.Projections.Internal;
using Npgsql;

namespace Crm.EventStore.Projections;

public sealed partial class ProjectionDaemon
{
    private int _listenerProcessId;

    /// <summary>The server process of the LISTEN connection (0 when none), for tests that cut it.</summary>
    internal int ListenerProcessId => Volatile.Read(ref _listenerProcessId);

    /// <summary>
    /// Keeps a connection listening on the store's append channel and on the daemon's own channel,
    /// waking the projections as notifications arrive. After every (re)connect all of them are woken,
    /// since appends made meanwhile notified no one. A silent network loss shows when the periodic
    /// check between waits fails.
    /// </summary>
    private async Task ListenAsync(CancellationToken stopping)
    {
        var options = _context.Options;
        var retry = new Backoff(options.RetryInitialDelay, options.RetryMaxDelay);
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await using var connection = await _context.SessionDataSource.OpenConnectionAsync(stopping);
                connection.Notification += OnNotification;
                await using (var listen = new NpgsqlCommand($"LISTEN \"{_context.Store.NotificationChannel}\"; LISTEN \"{_context.ControlChannel}\"", connection))
                {
                    await listen.ExecuteNonQueryAsync(stopping);
                }
                Volatile.Write(ref _listenerProcessId, connection.ProcessID);
                WakeAll();
                retry.Reset();
                while (!stopping.IsCancellationRequested)
                {
                    if (!await connection.WaitAsync(options.PollInterval, stopping))
                    {
                        await using var ping = new NpgsqlCommand("SELECT 1", connection);
                        await ping.ExecuteScalarAsync(stopping);
                    }
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                Volatile.Write(ref _listenerProcessId, 0);
                var delay = retry.Next();
                _context.Report(
                    ProjectionDiagnosticLevel.Warning,
                    null,
                    $"The notification connection of {InstanceId} failed; projections poll until it is back, reconnecting in {delay.TotalMilliseconds:F0} ms: {ex.Message}",
                    ex);
                WakeAll();
                await Task.Delay(delay, stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
        Volatile.Write(ref _listenerProcessId, 0);
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs notification)
    {
        if (notification.Channel == _context.ControlChannel && _agents.TryGetValue(notification.Payload, out var agent))
        {
            agent.Wake();
            return;
        }
        WakeAll();
    }

    private void WakeAll()
    {
        foreach (var agent in _agents.Values)
        {
            agent.Wake();
        }
    }
}
