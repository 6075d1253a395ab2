namespace Crm.EventStore;

/// <summary>One page of a stream read.</summary>
/// <param name="StreamId">The stream.</param>
/// <param name="Events">The events, in the direction read.</param>
/// <param name="NextVersion">Where the next page starts (as <see cref="ReadStreamOptions.FromVersion"/>), or null at the end.</param>
public sealed record StreamPage(string StreamId, IReadOnlyList<RecordedEvent> Events, StreamVersion? NextVersion)
{
    /// <summary>Whether this is the last page in the direction read.</summary>
    public bool IsEnd => NextVersion is null;
}
