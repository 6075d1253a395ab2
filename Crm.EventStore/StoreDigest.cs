namespace Crm.EventStore;

/// <summary>
/// One hash over the heads of all streams up to a checkpoint, recomputed from the events' content:
/// it changes if any event up to the checkpoint is changed, removed, added or reordered. Record it
/// (with its checkpoint) and check it later with <see cref="IEventStore.CheckDigestAsync"/>.
/// </summary>
/// <param name="UpTo">The events covered: those at or before this checkpoint.</param>
/// <param name="Hash">The SHA-256 digest, as lowercase hex.</param>
/// <param name="StreamCount">Streams with events up to the checkpoint.</param>
/// <param name="EventCount">Events up to the checkpoint.</param>
public sealed record StoreDigest(Checkpoint UpTo, string Hash, long StreamCount, long EventCount);
