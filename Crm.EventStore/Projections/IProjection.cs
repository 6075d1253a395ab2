using Npgsql;

namespace Crm.EventStore.Projections;

/// <summary>
/// A read model built from events: inline (in every append's transaction) or async (by the
/// <see cref="ProjectionDaemon"/>, behind the log). Register it with a <see cref="ProjectionRegistry"/>.
/// </summary>
/// <remarks>
/// The engine relies on four rules: the rows depend only on the events (never on the clock or on
/// data outside the projection's tables), so a replay in batches of any size gives the same rows;
/// the projection writes only its <see cref="Tables"/>, and nothing else writes them; it addresses
/// them through the <see cref="TableMap"/> it is given, so a rebuild can point it at fresh tables;
/// and it keeps no state between calls outside those tables, so a batch rolled back (to a savepoint
/// or entirely) leaves nothing behind.
/// </remarks>
public interface IProjection
{
    /// <summary>A stable name, used for its checkpoint, its lock and its status: 1 to 100 letters, digits, '.', '_', '-' or ':'.</summary>
    string Name { get; }

    /// <summary>The event types it handles (as read, after upcasting); null for every event. Other events are never passed to it.</summary>
    IReadOnlyCollection<Type>? EventTypes { get; }

    /// <summary>Every table it writes. Each must exist before the projection runs and belong to this projection only.</summary>
    IReadOnlyList<ProjectionTable> Tables { get; }

    /// <summary>
    /// Applies <paramref name="events"/>, in commit order, inside <paramref name="transaction"/>. Do not
    /// commit or roll back: the engine writes the checkpoint in the same transaction and commits both.
    /// </summary>
    /// <param name="transaction">The transaction to write in; its <see cref="NpgsqlTransaction.Connection"/> is the connection to use.</param>
    /// <param name="events">One or more events of the wanted types, in the order of the store's commit-ordered log.</param>
    /// <param name="tables">Where the tables are this time: the live ones, or a rebuild's fresh ones.</param>
    /// <param name="cancellationToken">Cancels the batch (it is then rolled back).</param>
    Task ApplyAsync(NpgsqlTransaction transaction, IReadOnlyList<RecordedEvent> events, TableMap tables, CancellationToken cancellationToken);
}
