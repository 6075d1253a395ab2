namespace Crm.Projections.Engine;

/// <summary>
/// One recorded event as the read-model projections consume it: where it sits in the log and in its
/// stream, the deserialized domain event, and its times. The actor comes from the domain event
/// itself (every CRM event names who did it, with name and role), so it is not repeated here.
/// </summary>
/// <param name="Position">The event's global position in the store (unique; the timeline's key and tie-breaker).</param>
/// <param name="StreamId">The stream, e.g. <c>customer-{id}</c>, <c>case-{id}</c>, <c>queue-{name}</c>.</param>
/// <param name="StreamVersion">The event's version in its stream (1 for the first).</param>
/// <param name="Event">The deserialized domain event; events of other kinds are ignored by every projection.</param>
/// <param name="OccurredAt">Business time of the fact; all time-based figures use it (never the clock).</param>
/// <param name="RecordedAt">When the store recorded it (kept for diagnostics; no read model depends on it).</param>
internal sealed record ProjectedEvent(
    long Position,
    string StreamId,
    long StreamVersion,
    object Event,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt);
