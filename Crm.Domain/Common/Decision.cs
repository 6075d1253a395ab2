namespace Crm.Domain.Common;

/// <summary>
/// The outcome of deciding a command: either accepted with the events to append (possibly none,
/// when the command changes nothing) or refused with an error and no events.
/// </summary>
/// <typeparam name="TEvent">The aggregate's base event type.</typeparam>
public sealed record Decision<TEvent>
    where TEvent : class
{
    internal Decision(EquatableList<TEvent> events, DomainError? error)
    {
        Events = events;
        Error = error;
    }

    /// <summary>The events to append, in order; always empty when refused.</summary>
    public EquatableList<TEvent> Events { get; }

    /// <summary>Why the command was refused; <see langword="null"/> when accepted.</summary>
    public DomainError? Error { get; }

    /// <summary>Whether the command was accepted.</summary>
    public bool IsAccepted => Error is null;

    /// <summary>A refusal.</summary>
    public static implicit operator Decision<TEvent>(DomainError error) => Decision.Refuse<TEvent>(error);

    /// <summary>Acceptance with a single event.</summary>
    public static implicit operator Decision<TEvent>(TEvent @event) => Decision.Accept(@event);
}

/// <summary>Creates <see cref="Decision{TEvent}"/> values.</summary>
public static class Decision
{
    /// <summary>Accepts the command with these events, in order.</summary>
    public static Decision<TEvent> Accept<TEvent>(params IEnumerable<TEvent> events)
        where TEvent : class => new(EquatableList.From(events), null);

    /// <summary>Accepts the command without any event: it changes nothing.</summary>
    public static Decision<TEvent> Unchanged<TEvent>()
        where TEvent : class => new(EquatableList.Empty<TEvent>(), null);

    /// <summary>Refuses the command.</summary>
    public static Decision<TEvent> Refuse<TEvent>(DomainError error)
        where TEvent : class
    {
        ArgumentNullException.ThrowIfNull(error);
        return new(EquatableList.Empty<TEvent>(), error);
    }
}
