using Crm.Domain.Common;

namespace Crm.Domain.Queues;

/// <summary>A fact about a contact queue, in stream <c>queue-{Queue}</c>. The hierarchy is closed: only this assembly defines queue events.</summary>
public abstract record QueueEvent
{
    private protected QueueEvent(string queue, DateTimeOffset occurredAt, Actor by)
    {
        Queue = queue;
        OccurredAt = occurredAt;
        By = by;
    }

    /// <summary>The queue's name.</summary>
    public string Queue { get; init; }

    /// <summary>When it happened (business time, UTC): the moment the contact gave up.</summary>
    public DateTimeOffset OccurredAt { get; init; }

    /// <summary>Who recorded it (usually the telephony feed, as the system).</summary>
    public Actor By { get; init; }
}

/// <summary>
/// A contact waited in the queue and gave up before an agent answered. Together with answered
/// inbound contacts (<see cref="Customers.InteractionLogged"/> with this queue) it gives the
/// abandonment rate. <paramref name="CustomerId"/> is set when the caller was recognised.
/// </summary>
public sealed record ContactAbandoned(
    string Queue,
    DateTimeOffset OccurredAt,
    Actor By,
    Guid ContactId,
    Channel Channel,
    DateTimeOffset EnteredAt,
    int WaitSeconds,
    [property: PersonalData] string? CallerAddress,
    Guid? CustomerId) : QueueEvent(Queue, OccurredAt, By);
