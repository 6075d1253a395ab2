using Crm.EventStore.Projections.Internal;
using Npgsql;
using NpgsqlTypes;

namespace Crm.EventStore.Projections;

public sealed partial class ProjectionDaemon
{
    // The agents whose locks the current lock connection holds; touched by the supervisor only.
    private readonly HashSet<ProjectionAgent> _held = [];
    private int _lockProcessId;

    /// <summary>The server process holding this instance's projection locks (0 when none), for tests that cut it.</summary>
    internal int LockProcessId => Volatile.Read(ref _lockProcessId);

    /// <summary>
    /// Holds one connection whose session owns the advisory locks of the projections this instance
    /// runs. Every <see cref="ProjectionDaemonOptions.LeadershipInterval"/> it checks that the
    /// connection is alive and tries to take the locks of the projections it does not run. When the
    /// connection dies, PostgreSQL releases its locks: this instance stops its projections, and
    /// another instance (or this one, once reconnected) takes them.
    /// </summary>
    private async Task SuperviseAsync(CancellationToken stopping)
    {
        var options = _context.Options;
        var retry = new Backoff(options.RetryInitialDelay, options.RetryMaxDelay);
        NpgsqlConnection? connection = null;
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                try
                {
                    if (connection is null)
                    {
                        connection = await _context.SessionDataSource.OpenConnectionAsync(stopping);
                        Volatile.Write(ref _lockProcessId, connection.ProcessID);
                    }
                    await using (var ping = new NpgsqlCommand("SELECT 1", connection))
                    {
                        await ping.ExecuteScalarAsync(stopping);
                    }
                    await TakeFreeProjectionsAsync(connection, stopping);
                    retry.Reset();
                    await Task.Delay(options.LeadershipInterval, stopping);
                }
                catch (OperationCanceledException) when (stopping.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception ex)
                {
                    // Whatever failed, the locks of this session can no longer be trusted.
                    var delay = retry.Next();
                    _context.Report(
                        ProjectionDiagnosticLevel.Warning,
                        null,
                        $"The projection lock connection of {InstanceId} failed; its projections stop, retrying in {delay.TotalMilliseconds:F0} ms: {ex.Message}",
                        ex);
                    await StopAgentsAsync();
                    _held.Clear();
                    if (connection is not null)
                    {
                        await connection.DisposeAsync();
                        connection = null;
                        Volatile.Write(ref _lockProcessId, 0);
                    }
                    await Task.Delay(delay, stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                }
            }
        }
        finally
        {
            await StopAgentsAsync();
            if (connection is not null)
            {
                await ReleaseAsync(connection, [.. _held]);
                _held.Clear();
                await connection.DisposeAsync();
                Volatile.Write(ref _lockProcessId, 0);
            }
        }
    }

    private async Task TakeFreeProjectionsAsync(NpgsqlConnection connection, CancellationToken stopping)
    {
        var free = _agents.Values.Where(a => !_held.Contains(a)).ToList();
        if (free.Count == 0)
        {
            return;
        }
        var taken = new List<ProjectionAgent>();
        await using (var command = new NpgsqlCommand("SELECT k FROM unnest($1::bigint[]) AS k WHERE pg_try_advisory_lock(k)", connection))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = free.Select(a => a.LeaderKey).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
            await using var reader = await command.ExecuteReaderAsync(stopping);
            while (await reader.ReadAsync(stopping))
            {
                var key = reader.GetInt64(0);
                var agent = free.First(a => a.LeaderKey == key);
                taken.Add(agent);
                _held.Add(agent);
            }
        }
        if (taken.Count == 0)
        {
            return;
        }
        try
        {
            await _context.Storage.ClaimAsync([.. taken.Select(a => a.Name)], InstanceId, stopping);
        }
        catch
        {
            // Not claimed, not run: give the locks back so the next round (or another instance) starts clean.
            await UnlockAsync(connection, taken);
            _held.ExceptWith(taken);
            throw;
        }
        foreach (var agent in taken)
        {
            agent.StartLeading(stopping);
        }
    }

    /// <summary>Stops every agent this instance runs (a batch in flight is rolled back).</summary>
    private async Task StopAgentsAsync() => await Task.WhenAll(_agents.Values.Select(a => a.StopLeadingAsync()));

    /// <summary>Gives the locks back and clears this instance's claims, so another instance takes over at its next round.</summary>
    private async Task ReleaseAsync(NpgsqlConnection connection, List<ProjectionAgent> led)
    {
        if (led.Count == 0)
        {
            return;
        }
        try
        {
            await UnlockAsync(connection, led);
            await _context.Storage.DisclaimAsync([.. led.Select(a => a.Name)], InstanceId, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // Closing the connection releases the locks anyway; a stale owner name is ignored by status, which asks the lock.
            _context.Report(ProjectionDiagnosticLevel.Warning, null, $"Could not release the projection locks of {InstanceId} cleanly: {ex.Message}", ex);
        }
    }

    private static async Task UnlockAsync(NpgsqlConnection connection, List<ProjectionAgent> agents)
    {
        await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(k) FROM unnest($1::bigint[]) AS k", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = agents.Select(a => a.LeaderKey).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }
}
