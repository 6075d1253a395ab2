namespace Crm.EventStore;

/// <summary>One page of the commit-ordered log.</summary>
/// <param name="Events">The events, in (transaction id, position) order.</param>
/// <param name="Next">
/// The checkpoint to read from next time (and to store once the events are handled). After a full
/// page it is the last event's; when the reader has caught up it moves past every transaction
/// known to be finished, so filtered readers and idle stores do not keep re-reading.
/// </param>
/// <param name="IsCaughtUp">Whether the reader reached the end of what is safe to deliver now.</param>
public sealed record AllEventsPage(IReadOnlyList<RecordedEvent> Events, Checkpoint Next, bool IsCaughtUp);
