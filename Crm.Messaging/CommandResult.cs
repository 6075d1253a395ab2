using Crm.EventStore;

namespace Crm.Messaging;

/// <summary>How a command ended.</summary>
public enum CommandOutcome
{
    /// <summary>Decided and appended (or accepted with nothing to change).</summary>
    Accepted,

    /// <summary>The decider refused it; nothing was written.</summary>
    Refused,

    /// <summary>
    /// The stream was not at the version the caller said it expected (a stale screen); nothing was
    /// written. Conflicts the handler itself caused are retried instead, never returned.
    /// </summary>
    Conflict,
}

/// <summary>The result of handling a command against one stream.</summary>
public sealed record CommandResult<TState, TError>
    where TError : class
{
    public required CommandOutcome Outcome { get; init; }

    /// <summary>The state after the command (the loaded state when refused or in conflict).</summary>
    public required TState State { get; init; }

    /// <summary>The stream's version after the command; <see cref="StreamVersion.None"/> for a stream that still does not exist.</summary>
    public required StreamVersion Version { get; init; }

    /// <summary>The events appended, with their positions (empty unless accepted with changes).</summary>
    public IReadOnlyList<RecordedEvent> Events { get; init; } = [];

    /// <summary>The decider's error when refused.</summary>
    public TError? Error { get; init; }

    /// <summary>The conflict when the caller's expected version did not hold.</summary>
    public WrongExpectedVersionException? Conflict { get; init; }

    /// <summary>How many times the command was decided (1 unless concurrent writers forced retries).</summary>
    public int Attempts { get; init; } = 1;
}
