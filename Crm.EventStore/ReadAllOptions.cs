namespace Crm.EventStore;

/// <summary>How much of the commit-ordered log one catch-up read returns, and which events.</summary>
public sealed record ReadAllOptions
{
    /// <summary>The most events one page holds: 1 to 10,000 (default 1,000).</summary>
    public int MaxCount { get; init; } = 1000;

    /// <summary>
    /// Only events that read as these CLR types (stored under their registered names, or under
    /// names renamed or upcast to them); null for every event. Filtered in the database, and the
    /// checkpoint still moves past the events left out.
    /// </summary>
    public IReadOnlyCollection<Type>? EventTypes { get; init; }
}
