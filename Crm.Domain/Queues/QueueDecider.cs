using Crm.Domain.Common;

namespace Crm.Domain.Queues;

/// <summary>
/// The queue aggregate's decisions: contacts that never reached an agent. <see cref="Decide"/> and
/// <see cref="Evolve"/> are pure.
/// </summary>
public static class QueueDecider
{
    /// <summary>The state before the first event.</summary>
    public static QueueState Initial => QueueState.Initial;

    /// <summary>Decides <paramref name="command"/> against <paramref name="state"/>: the events to append, or why not (and then no events).</summary>
    public static Decision<QueueEvent> Decide(QueueCommand command, QueueState state)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(state);
        var error = Check.Writer(command.Actor, $"issue {command.GetType().Name}", systemAllowed: true)
            ?? Check.Required(command.Queue, "queue", DomainErrors.QueueNameRequired, "The queue's name must not be blank.", TextLimits.Line);
        if (error is not null)
        {
            return error;
        }
        var queue = command.Queue.Trim();
        if (state.Name is { } name && !string.Equals(name, queue, StringComparison.Ordinal))
        {
            return new DomainError(DomainErrors.QueueMismatch, $"The contact names queue '{queue}' but was decided against queue '{name}'.", "queue");
        }
        return command switch
        {
            RecordAbandonedContact c => RecordAbandoned(c, queue, state, c.Now.ToUniversalTime()),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Unknown queue command."),
        };
    }

    /// <summary>Applies one event to the state.</summary>
    public static QueueState Evolve(QueueState state, QueueEvent @event)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(@event);
        return @event switch
        {
            ContactAbandoned e => state with
            {
                Name = e.Queue,
                AbandonedContacts = state.AbandonedContacts.Add(e.ContactId),
                AbandonedWaitSeconds = state.AbandonedWaitSeconds + e.WaitSeconds,
            },
            _ => throw new ArgumentOutOfRangeException(nameof(@event), @event.GetType().Name, "Unknown queue event."),
        };
    }

    /// <summary>Folds <see cref="Evolve"/> over <paramref name="events"/> from <see cref="Initial"/>.</summary>
    public static QueueState Replay(IEnumerable<QueueEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return events.Aggregate(Initial, Evolve);
    }

    private static Decision<QueueEvent> RecordAbandoned(RecordAbandonedContact command, string queue, QueueState state, DateTimeOffset now)
    {
        var error = Check.Id(command.ContactId, "contactId")
            ?? Check.Id(command.CustomerId, "customerId")
            ?? Check.Defined(command.Channel, "channel")
            ?? Check.Length(command.CallerAddress, "callerAddress", TextLimits.Line);
        if (error is not null)
        {
            return error;
        }
        if (!command.Channel.IsQueued())
        {
            return new DomainError(DomainErrors.ContactNotQueued, $"{command.Channel} contacts do not wait in a live queue, so they cannot be abandoned.", "channel");
        }
        if (command.WaitSeconds < 0)
        {
            return new DomainError(DomainErrors.ContactWaitNegative, $"The wait must not be negative; {command.WaitSeconds} seconds is.", "waitSeconds");
        }
        var abandonedAt = command.EnteredAt.ToUniversalTime().AddSeconds(command.WaitSeconds);
        if (abandonedAt > now)
        {
            return new DomainError(DomainErrors.ContactInFuture, $"Entering at {command.EnteredAt:O} and waiting {command.WaitSeconds} seconds ends at {abandonedAt:O}, later than now ({now:O}).", "enteredAt");
        }
        if (state.AbandonedContacts.Contains(command.ContactId))
        {
            return new DomainError(DomainErrors.ContactAlreadyRecorded, $"Contact {command.ContactId} is already recorded as abandoned.", "contactId");
        }
        return new ContactAbandoned(
            queue, abandonedAt, command.Actor, command.ContactId, command.Channel, command.EnteredAt.ToUniversalTime(),
            command.WaitSeconds, Check.Clean(command.CallerAddress), command.CustomerId);
    }
}
