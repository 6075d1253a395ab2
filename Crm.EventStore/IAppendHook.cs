using Npgsql;

namespace Crm.EventStore;

/// <summary>
/// Code that runs inside every append's transaction, after the events are written and before the
/// transaction commits: read models updated here are committed atomically with the events (inline
/// projections). When a hook throws, the append is rolled back and the exception reaches the caller.
/// </summary>
public interface IAppendHook
{
    /// <summary>Applies the events just appended (all streams of the append, in position order).</summary>
    /// <param name="transaction">The append's transaction; its <see cref="NpgsqlTransaction.Connection"/> is the connection to use.</param>
    /// <param name="events">The recorded events, with their versions, positions and checkpoints.</param>
    /// <param name="cancellationToken">Cancels the append.</param>
    Task ApplyAsync(NpgsqlTransaction transaction, IReadOnlyList<RecordedEvent> events, CancellationToken cancellationToken);
}
