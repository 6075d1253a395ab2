namespace Crm.Messaging;

/// <summary>
/// What a decider made of a command: the events to append (none when nothing changes) or a
/// refusal carrying the caller's error value. A refusal appends nothing.
/// </summary>
/// <typeparam name="TEvent">The aggregate's event type.</typeparam>
/// <typeparam name="TError">The caller's error type.</typeparam>
public readonly record struct CommandDecision<TEvent, TError>
    where TError : class
{
    internal CommandDecision(IReadOnlyList<TEvent> events, TError? error)
    {
        Events = events;
        Error = error;
    }

    /// <summary>The events to append, in order; empty when refused or when nothing changes.</summary>
    public IReadOnlyList<TEvent> Events { get; }

    /// <summary>Why the command was refused, or null.</summary>
    public TError? Error { get; }
}

/// <summary>Creates <see cref="CommandDecision{TEvent, TError}"/> values.</summary>
public static class CommandDecision
{
    /// <summary>Accepts the command with these events (none: nothing changes).</summary>
    public static CommandDecision<TEvent, TError> Accept<TEvent, TError>(IReadOnlyList<TEvent> events)
        where TError : class => new(events ?? throw new ArgumentNullException(nameof(events)), null);

    /// <summary>Refuses the command.</summary>
    public static CommandDecision<TEvent, TError> Refuse<TEvent, TError>(TError error)
        where TError : class => new([], error ?? throw new ArgumentNullException(nameof(error)));
}
