using Crm.Domain.Common;

namespace Crm.Domain.Queues;

/// <summary>A request about a contact queue, decided by <see cref="QueueDecider"/>.</summary>
public abstract record QueueCommand
{
    private protected QueueCommand(string queue, Actor actor, DateTimeOffset now)
    {
        Queue = queue;
        Actor = actor;
        Now = now;
    }

    /// <summary>The queue's name.</summary>
    public string Queue { get; init; }

    /// <summary>Who asks.</summary>
    public Actor Actor { get; init; }

    /// <summary>The current time, given by the caller (the domain has no clock).</summary>
    public DateTimeOffset Now { get; init; }
}

/// <summary>
/// Record a contact that gave up waiting after <paramref name="WaitSeconds"/> in the queue it
/// entered at <paramref name="EnteredAt"/>. A system command: the telephony feed issues it, as may staff.
/// </summary>
public sealed record RecordAbandonedContact(
    string Queue,
    Guid ContactId,
    Channel Channel,
    DateTimeOffset EnteredAt,
    int WaitSeconds,
    string? CallerAddress,
    Guid? CustomerId,
    Actor Actor,
    DateTimeOffset Now) : QueueCommand(Queue, Actor, Now);
