namespace Crm.EventStore;

/// <summary>What an append wrote to one stream.</summary>
/// <param name="StreamId">The stream.</param>
/// <param name="Version">The stream's version after the append: pass it as <c>ExpectedVersion.Exactly</c> to the next append.</param>
/// <param name="Events">The events as recorded, with their versions, positions and checkpoints.</param>
public sealed record AppendResult(string StreamId, StreamVersion Version, IReadOnlyList<RecordedEvent> Events);
