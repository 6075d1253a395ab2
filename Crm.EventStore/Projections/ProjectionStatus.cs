namespace Crm.EventStore.Projections;

/// <summary>A projection's progress and health.</summary>
/// <param name="Name">The projection.</param>
/// <param name="Kind">Inline or async.</param>
/// <param name="State">Running, paused, rebuilding or stopped.</param>
/// <param name="Checkpoint">Where an async projection is in the log (null for inline ones, which are never behind).</param>
/// <param name="LagEvents">Events of the projection's types committed after its checkpoint (0 for inline ones).</param>
/// <param name="Lag">How long ago the oldest of those events was recorded, on the database clock (zero when caught up).</param>
/// <param name="EventsApplied">Events applied since the projection's tables were last filled from the start (by the first run or a rebuild).</param>
/// <param name="DeadLetters">Events recorded as dead letters (skipped) by this projection.</param>
/// <param name="LastError">The last error recorded, or null.</param>
/// <param name="Owner">The instance running the async projection (see <see cref="ProjectionDaemonOptions.InstanceId"/>), or null.</param>
/// <param name="Rebuild">The rebuild in progress, or null.</param>
public sealed record ProjectionStatus(
    string Name,
    ProjectionKind Kind,
    ProjectionState State,
    Checkpoint? Checkpoint,
    long LagEvents,
    TimeSpan Lag,
    long EventsApplied,
    long DeadLetters,
    ProjectionError? LastError,
    string? Owner,
    RebuildStatus? Rebuild);

/// <summary>An error a projection recorded.</summary>
/// <param name="At">When (database clock).</param>
/// <param name="ErrorType">The exception's type.</param>
/// <param name="Message">The exception's message.</param>
/// <param name="Event">The event being applied, when the error belongs to one.</param>
public sealed record ProjectionError(DateTimeOffset At, string ErrorType, string Message, FailedEvent? Event);

/// <summary>An event a projection could not apply.</summary>
/// <param name="Checkpoint">Its place in the commit-ordered log.</param>
/// <param name="EventId">Its id.</param>
/// <param name="StreamId">Its stream.</param>
/// <param name="Version">Its version in the stream.</param>
/// <param name="TypeName">The name it is stored under.</param>
public sealed record FailedEvent(Checkpoint Checkpoint, Guid EventId, string StreamId, long Version, string TypeName)
{
    /// <summary>Its global position.</summary>
    public long Position => Checkpoint.Position;

    /// <inheritdoc />
    public override string ToString() => $"{StreamId}@{Version} {TypeName} (position {Position})";
}

/// <summary>An event skipped by a projection with <see cref="PoisonEventPolicy.SkipToDeadLetter"/>.</summary>
/// <param name="Projection">The projection.</param>
/// <param name="Event">The event.</param>
/// <param name="ErrorType">The exception's type.</param>
/// <param name="Message">The exception's message.</param>
/// <param name="At">When it was recorded (database clock).</param>
public sealed record DeadLetter(string Projection, FailedEvent Event, string ErrorType, string Message, DateTimeOffset At);

/// <summary>A rebuild in progress.</summary>
/// <param name="Owner">The instance running it.</param>
/// <param name="StartedAt">When it started (database clock).</param>
/// <param name="EventsDone">Events replayed so far (as last reported).</param>
/// <param name="EventsTotal">The events it expects to replay (an estimate: the log grows meanwhile).</param>
public sealed record RebuildStatus(string Owner, DateTimeOffset StartedAt, long EventsDone, long EventsTotal);
