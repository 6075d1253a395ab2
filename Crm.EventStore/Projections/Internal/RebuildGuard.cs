using Npgsql;

namespace Crm.EventStore.Projections.Internal;

/// <summary>
/// A session-level advisory lock, held on a connection of its own for the whole rebuild or
/// comparison of one projection: one at a time, across every instance. If the process dies the
/// connection closes and the lock goes with it.
/// </summary>
internal sealed class RebuildGuard : IAsyncDisposable
{
    private readonly DaemonContext _context;
    private readonly string _projection;
    private readonly NpgsqlConnection _connection;
    private readonly long _key;

    private RebuildGuard(DaemonContext context, string projection, NpgsqlConnection connection, long key)
    {
        _context = context;
        _projection = projection;
        _connection = connection;
        _key = key;
    }

    /// <exception cref="ProjectionException">Another rebuild or comparison of the projection is running.</exception>
    public static async Task<RebuildGuard> AcquireAsync(DaemonContext context, string projection, CancellationToken cancellationToken)
    {
        var key = context.RebuildKey(projection);
        var connection = await context.SessionDataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock($1)", connection);
            command.Parameters.Add(ProjectionStorage.Bigint(key));
            if (!(bool)(await command.ExecuteScalarAsync(cancellationToken))!)
            {
                throw new ProjectionException($"A rebuild or comparison of projection '{projection}' is already running; wait for it to finish.") { Projection = projection };
            }
            return new RebuildGuard(context, projection, connection, key);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", _connection);
            command.Parameters.Add(ProjectionStorage.Bigint(_key));
            await command.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (Exception ex)
        {
            // A failed unlock means a broken connection, which the pool discards: the server drops the lock with the session.
            _context.Report(ProjectionDiagnosticLevel.Warning, _projection, $"Could not release the rebuild lock of '{_projection}' explicitly: {ex.Message}", ex);
        }
        finally
        {
            await _connection.DisposeAsync();
        }
    }
}
