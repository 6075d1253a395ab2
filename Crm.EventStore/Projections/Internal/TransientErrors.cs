using System.Net.Sockets;
using Npgsql;

namespace Crm.EventStore.Projections.Internal;

/// <summary>Tells errors worth retrying (the database or the network, not the event) from the rest.</summary>
internal static class TransientErrors
{
    /// <summary>Connection loss, a server going down, serialization failures, deadlocks, lock and statement timeouts, exhausted resources.</summary>
    public static bool IsTransient(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException postgres:
                    return postgres.IsTransient || IsTransientState(postgres.SqlState);
                case NpgsqlException { IsTransient: true }:
                case TimeoutException:
                case IOException:
                case SocketException:
                    return true;
                default:
                    break;
            }
        }
        return false;
    }

    /// <summary>
    /// Errors that say the projection cannot run at all here (a missing table or column, no
    /// privilege, SQL the server rejects): every event would fail the same way, so skipping them to
    /// the dead-letter table would empty the projection. The projection pauses instead.
    /// </summary>
    public static bool IsStructural(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException postgres)
            {
                var errorClass = postgres.SqlState[..2];
                return errorClass is "42" or "3F" or "3D" or "28" or "0A";
            }
        }
        return false;
    }

    private static bool IsTransientState(string state) =>
        state.StartsWith("08", StringComparison.Ordinal)       // connection exception
        || state.StartsWith("53", StringComparison.Ordinal)    // insufficient resources
        || state is "40001"                                    // serialization failure
            or "40P01"                                         // deadlock detected
            or "55P03"                                         // lock not available (lock_timeout)
            or "57014"                                         // query canceled (statement_timeout)
            or "57P01" or "57P02" or "57P03"                   // admin shutdown, crash shutdown, cannot connect now
            or "58000" or "58030";                             // system error, I/O error
}
