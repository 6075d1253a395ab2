namespace Crm.EventStore.Projections;

/// <summary>What an async projection does when applying an event throws (an error that is not transient).</summary>
public enum PoisonEventPolicy
{
    /// <summary>
    /// Stop the projection before the event, with the error and the event recorded in its status,
    /// until <see cref="ProjectionDaemon.ResumeAsync"/> (after a fix, or skipping the event) or a rebuild.
    /// </summary>
    Pause,

    /// <summary>Record the event and the error in the dead-letter table and go on with the next event.</summary>
    SkipToDeadLetter,
}
