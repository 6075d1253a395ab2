using Crm.Domain.Common;

namespace Crm.Domain.Queues;

/// <summary>A contact queue as the decisions see it.</summary>
public sealed record QueueState
{
    /// <summary>The state before the first event.</summary>
    public static QueueState Initial { get; } = new();

    /// <summary>The queue's name; null before the first event.</summary>
    public string? Name { get; init; }

    /// <summary>The ids of abandoned contacts recorded, so none is counted twice.</summary>
    public EquatableSet<Guid> AbandonedContacts { get; init; } = EquatableSet.Empty<Guid>();

    /// <summary>The total seconds abandoned contacts waited.</summary>
    public long AbandonedWaitSeconds { get; init; }

    /// <summary>How many contacts were abandoned.</summary>
    public int AbandonedCount => AbandonedContacts.Count;
}
