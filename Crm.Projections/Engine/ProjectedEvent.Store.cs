namespace Crm.Projections.Engine;

/// <summary>
/// The seam to the event store's recorded-event type. It is kept to primitives so this assembly
/// does not depend on the store's event shape; the store's adapter is a single call:
/// <c>ProjectedEvents.FromStore(e.Position.Value, e.StreamId, e.Version.Value, e.Data, e.OccurredAt, e.RecordedAt)</c>.
/// </summary>
internal static class ProjectedEvents
{
    /// <summary>Builds the projection input from the fields of a recorded event.</summary>
    /// <exception cref="ArgumentException">A field is out of range (negative position, version below 1, blank stream).</exception>
    public static ProjectedEvent FromStore(
        long position, string streamId, long streamVersion, object data, DateTimeOffset occurredAt, DateTimeOffset recordedAt)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        ArgumentException.ThrowIfNullOrWhiteSpace(streamId);
        ArgumentOutOfRangeException.ThrowIfLessThan(streamVersion, 1);
        ArgumentNullException.ThrowIfNull(data);
        return new ProjectedEvent(position, streamId, streamVersion, data, occurredAt, recordedAt);
    }
}
