using Crm.Domain.Common;

namespace Crm.Api.Application;

/// <summary>Who issues a command and on whose behalf: copied into every event the command causes.</summary>
/// <param name="Actor">The acting person or component (from the bearer token for API requests).</param>
/// <param name="CorrelationId">Ties together everything one request or process causes; a new one is made when null.</param>
/// <param name="CausationId">The id of what caused the command: for API requests, the request's id.</param>
internal sealed record CommandContext(Actor Actor, string? CorrelationId = null, string? CausationId = null);

/// <summary>What every command input carries besides its own data.</summary>
internal abstract record CommandInput
{
    /// <summary>
    /// The version of the target stream the caller's view was built from. When given and the
    /// stream has moved on, the command is refused with <c>concurrency.stale_version</c> and
    /// nothing is written; when null, concurrent writers are retried transparently.
    /// </summary>
    public long? ExpectedVersion { get; init; }
}

/// <summary>An amount of money as a caller gives it; the currency is checked before it becomes a <see cref="Money"/>.</summary>
/// <param name="Amount">The amount.</param>
/// <param name="Currency">An ISO 4217 code such as EUR; null means the case's own currency.</param>
internal sealed record MoneyInput(decimal Amount, string? Currency);

/// <summary>The outcome of a command.</summary>
/// <typeparam name="TState">The target aggregate's state.</typeparam>
internal sealed record CommandReply<TState>
    where TState : class
{
    /// <summary>The stream the command was aimed at (<c>customer-{id}</c>, <c>case-{id}</c>, <c>queue-{name}</c>).</summary>
    public required string StreamId { get; init; }

    /// <summary>The aggregate's state after the command (as loaded when refused); null when the command was refused before the stream was read.</summary>
    public TState? State { get; init; }

    /// <summary>The customer or case the command was aimed at; null for queues.</summary>
    public Guid? TargetId { get; init; }

    /// <summary>Whether the target exists (after the command).</summary>
    public bool Exists { get; init; }

    /// <summary>The stream's version after the command; null when it was not read.</summary>
    public long? Version { get; init; }

    /// <summary>Why the command was refused; empty when it was accepted (then nothing or everything was written).</summary>
    public IReadOnlyList<DomainError> Errors { get; init; } = [];

    /// <summary>The id of what the command created (customer, case, contact, product, offer, remedy, approval request, follow-up), if anything.</summary>
    public Guid? CreatedId { get; init; }

    /// <summary>How many events the command appended.</summary>
    public int EventCount { get; init; }

    /// <summary>Whether the command was accepted.</summary>
    public bool Succeeded => Errors.Count == 0;
}
