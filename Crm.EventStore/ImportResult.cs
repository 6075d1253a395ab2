namespace Crm.EventStore;

/// <summary>What a bulk import wrote.</summary>
/// <param name="Streams">The streams written to.</param>
/// <param name="Events">The events written.</param>
public sealed record ImportResult(int Streams, long Events);
