using Npgsql;

namespace Crm.Projections.Engine;

/// <summary>How a projection is kept up to date.</summary>
internal enum ProjectionMode
{
    /// <summary>In the transaction that appends the events, so a read right after a write sees it.</summary>
    Inline,

    /// <summary>By the projection daemon, in batches, behind the log.</summary>
    Async,
}

/// <summary>
/// A read model built from events. <see cref="ApplyAsync"/> applies a batch in log order within the
/// caller's transaction (the store's inline hook or the daemon, which writes its checkpoint in the
/// same transaction). It never reads the clock: the rows depend only on the events, so a rebuild
/// from the log, in batches of any size, gives exactly the rows the live projection holds.
/// </summary>
internal interface IReadModelProjection
{
    /// <summary>A stable name, used for checkpoints and status.</summary>
    string Name { get; }

    /// <summary>Inline or async.</summary>
    ProjectionMode Mode { get; }

    /// <summary>The tables this projection writes, and nothing else writes (a rebuild clears and compares exactly these).</summary>
    IReadOnlyList<string> Tables { get; }

    /// <summary>Applies <paramref name="events"/>, in order, to the projection's tables.</summary>
    Task ApplyAsync(IReadOnlyList<ProjectedEvent> events, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken = default);
}
