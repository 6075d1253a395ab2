namespace Crm.EventStore.Projections;

/// <summary>What a projection is doing, as seen from the database (so any instance reports the same).</summary>
public enum ProjectionState
{
    /// <summary>An instance holds its lock and applies events (inline projections: always, with every append).</summary>
    Running,

    /// <summary>Stopped at an event it could not apply; see <see cref="ProjectionStatus.LastError"/>.</summary>
    Paused,

    /// <summary>A rebuild is filling fresh tables; the live ones keep serving (and an async one keeps running).</summary>
    Rebuilding,

    /// <summary>No instance runs this async projection.</summary>
    Stopped,
}
