using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Globalization;
using Crm.Domain.Cases;
using Crm.Domain.Common;
using Crm.Domain.Customers;
using Crm.Domain.Queues;
using Crm.EventStore;
using Crm.Messaging;

namespace Crm.Api.Application;

/// <summary>
/// Every CRM command, as one method each: builds the domain command (the time from the
/// <see cref="TimeProvider"/>, new ids, the actor from the <see cref="CommandContext"/>, the
/// configured policies), performs the checks that need another stream than the target's (the
/// customer of a case is registered and not erased; a case linked to a contact belongs to the
/// customer), and runs it through the <see cref="AggregateHandler"/>: load, decide, append with the
/// inline read models in one transaction. Usable outside HTTP (seeding, imports): construct it with
/// the clock and id generator to use. Thread-safe.
/// </summary>
internal sealed partial class CrmCommands
{
    private const int CaseOwnerCacheLimit = 100_000;

    private static readonly AggregateDefinition<CustomerState, CustomerEvent> CustomerAggregate = new(CustomerDecider.Initial, CustomerDecider.Evolve);
    private static readonly AggregateDefinition<CaseState, CaseEvent> CaseAggregate = new(CaseDecider.Initial, CaseDecider.Evolve);
    private static readonly AggregateDefinition<QueueState, QueueEvent> QueueAggregate = new(QueueDecider.Initial, QueueDecider.Evolve);
    private static readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> Headers = new(StringComparer.Ordinal);

    private readonly IEventStore _store;
    private readonly AggregateHandler _handler;
    private readonly TimeProvider _time;
    private readonly Func<Guid> _newId;

    // A case never changes customer, so the owner read before each case command is cached.
    private readonly ConcurrentDictionary<Guid, Guid> _caseOwners = new();

    /// <summary>Creates the service.</summary>
    /// <param name="store">The event store (with the read models as its append hook).</param>
    /// <param name="policies">Authority and SLA policies.</param>
    /// <param name="time">The clock that gives each command its <c>Now</c>.</param>
    /// <param name="handlerOptions">Retry settings for concurrent writers.</param>
    /// <param name="newId">Makes new ids; <see cref="Guid.CreateVersion7()"/> by default.</param>
    public CrmCommands(IEventStore store, CrmPolicies policies, TimeProvider time, AggregateHandlerOptions? handlerOptions = null, Func<Guid>? newId = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(time);
        _store = store;
        _handler = new AggregateHandler(store, handlerOptions);
        Policies = policies;
        _time = time;
        _newId = newId ?? Guid.CreateVersion7;
    }

    /// <summary>The policies the commands carry.</summary>
    public CrmPolicies Policies { get; }

    private async Task<CommandReply<CustomerState>> OnCustomerAsync(
        CommandContext context,
        Guid customerId,
        CommandInput input,
        string command,
        Func<Actor, DateTimeOffset, CustomerState, Built<CustomerCommand>> build,
        Guid? createdId,
        Func<CancellationToken, Task<DomainError?>>? crossCheck,
        CancellationToken cancellationToken)
    {
        var streamId = CrmStreams.Customer(customerId);
        if (Preflight(context, input, systemAllowed: false) is { } refused)
        {
            return Refused<CustomerState>(streamId, refused) with { TargetId = customerId };
        }
        if (crossCheck is not null && await crossCheck(cancellationToken) is { } crossError)
        {
            return Refused<CustomerState>(streamId, crossError) with { TargetId = customerId };
        }
        var now = _time.GetUtcNow();
        var actor = context.Actor;
        return await HandleAsync(
            streamId, customerId, CustomerAggregate, input, context, command, now, "customer", createdId, s => s.Exists,
            state => build(actor, now, state) switch
            {
                { Error: { } error } => error,
                var built => CustomerDecider.Decide(built.Command!, state),
            },
            cancellationToken);
    }

    private async Task<CommandReply<CaseState>> OnCaseAsync(
        CommandContext context,
        Guid caseId,
        CommandInput input,
        string command,
        Func<Actor, DateTimeOffset, CaseState, Built<CaseCommand>> build,
        Guid? createdId,
        CancellationToken cancellationToken,
        Guid? openingFor = null)
    {
        var streamId = CrmStreams.Case(caseId);
        if (Preflight(context, input, systemAllowed: false) is { } refused)
        {
            return Refused<CaseState>(streamId, refused) with { TargetId = caseId };
        }
        var exists = false;
        Guid customerId;
        if (openingFor is { } opening)
        {
            customerId = opening;
        }
        else if (await CaseOwnerAsync(caseId, cancellationToken) is { } owner)
        {
            customerId = owner;
            exists = true;
        }
        else
        {
            return Refused<CaseState>(streamId, new DomainError(DomainErrors.CaseNotFound, $"No case {caseId} exists.", "caseId")) with { TargetId = caseId };
        }
        if (await CustomerWritableAsync(customerId, cancellationToken) is { } notWritable)
        {
            return Refused<CaseState>(streamId, notWritable) with { TargetId = caseId, Exists = exists };
        }
        var now = _time.GetUtcNow();
        var actor = context.Actor;
        return await HandleAsync(
            streamId, caseId, CaseAggregate, input, context, command, now, "case", createdId, s => s.Exists,
            state => build(actor, now, state) switch
            {
                { Error: { } error } => error,
                var built => CaseDecider.Decide(built.Command!, state),
            },
            cancellationToken);
    }

    private async Task<CommandReply<TState>> HandleAsync<TState, TEvent>(
        string streamId,
        Guid? targetId,
        AggregateDefinition<TState, TEvent> aggregate,
        CommandInput input,
        CommandContext context,
        string command,
        DateTimeOffset now,
        string streamType,
        Guid? createdId,
        Func<TState, bool> exists,
        Func<TState, Decision<TEvent>> decide,
        CancellationToken cancellationToken)
        where TState : class
        where TEvent : class
    {
        var metadata = new CommandMetadata
        {
            ActorId = context.Actor.Id.ToString("D", CultureInfo.InvariantCulture),
            ActorRole = context.Actor.Role.ToString(),
            CorrelationId = context.CorrelationId,
            CausationId = context.CausationId,
            OccurredAt = now,
            Headers = Headers.GetOrAdd(command, static name => new Dictionary<string, string>(StringComparer.Ordinal) { ["command"] = name }.ToFrozenDictionary()),
        };
        CommandResult<TState, DomainError> result;
        try
        {
            result = await _handler.HandleAsync(
                streamId,
                aggregate,
                state => decide(state) switch
                {
                    { Error: { } error } => CommandDecision.Refuse<TEvent, DomainError>(error),
                    var decision => CommandDecision.Accept<TEvent, DomainError>(decision.Events),
                },
                metadata,
                input.ExpectedVersion is { } expected ? new StreamVersion(expected) : null,
                streamType,
                cancellationToken);
        }
        catch (StreamArchivedException)
        {
            return Refused<TState>(streamId, new DomainError(CommandErrors.StreamArchived, $"Stream {streamId} is archived and takes no more changes.", null)) with { TargetId = targetId };
        }
        var reply = new CommandReply<TState>
        {
            StreamId = streamId,
            TargetId = targetId,
            State = result.State,
            Exists = exists(result.State),
            Version = result.Version.Value,
            EventCount = result.Events.Count,
        };
        return result.Outcome switch
        {
            CommandOutcome.Accepted => reply with { CreatedId = createdId },
            CommandOutcome.Refused => reply with { Errors = [result.Error!] },
            _ when input.ExpectedVersion is { } expected => reply with
            {
                Errors =
                [
                    new DomainError(
                        CommandErrors.StaleVersion,
                        $"{streamId} is at version {result.Version.Value}, not at version {expected} as expected: it changed since it was read. Reload it and try again.",
                        "expectedVersion"),
                ],
            },
            _ => reply with
            {
                Errors = [new DomainError(CommandErrors.Conflict, $"{streamId} is being changed by too many writers at once; try again.", null)],
            },
        };
    }

    /// <summary>The checks made before any stream is read: a writing role, a sensible expected version.</summary>
    private static DomainError? Preflight(CommandContext context, CommandInput input, bool systemAllowed)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var actor = context.Actor;
        if (actor is null || actor.Id == Guid.Empty || string.IsNullOrWhiteSpace(actor.Name))
        {
            return new DomainError(DomainErrors.AuthActorInvalid, "The command must name the acting user or component with an id and a name.", "actor");
        }
        // The deciders refuse these roles too; refusing here spares the reads and keeps the
        // answer auth.forbidden whatever else is wrong with the command.
        if (!actor.Role.IsStaff() && !(systemAllowed && actor.Role == ActorRole.System))
        {
            return new DomainError(DomainErrors.AuthForbidden, $"{actor.Name} acts as {actor.Role} and may not change records: Auditors and Services only read.", "actor");
        }
        if (input.ExpectedVersion is < 0)
        {
            return new DomainError(CommandErrors.OutOfRange, $"The expected version must be 0 or more; {input.ExpectedVersion} is not.", "expectedVersion");
        }
        return null;
    }

    /// <summary>The customer a case belongs to, from the case's first event; null when there is no such case.</summary>
    private async Task<Guid?> CaseOwnerAsync(Guid caseId, CancellationToken cancellationToken)
    {
        if (_caseOwners.TryGetValue(caseId, out var cached))
        {
            return cached;
        }
        var page = await _store.ReadStreamAsync(CrmStreams.Case(caseId), new ReadStreamOptions { MaxCount = 1 }, cancellationToken);
        if (page.Events is not [{ Data: CaseOpened opened }])
        {
            return null;
        }
        if (_caseOwners.Count >= CaseOwnerCacheLimit)
        {
            _caseOwners.Clear();
        }
        _caseOwners[caseId] = opened.CustomerId;
        return opened.CustomerId;
    }

    /// <summary>
    /// <see cref="CustomerDecider.EnsureWritable"/> for a customer, without folding the whole stream:
    /// a customer exists once the stream has an event (only a registration can start it), and is
    /// erased exactly when the last event is the erasure (nothing is recorded after it).
    /// </summary>
    private async Task<DomainError?> CustomerWritableAsync(Guid customerId, CancellationToken cancellationToken)
    {
        var page = await _store.ReadStreamAsync(
            CrmStreams.Customer(customerId), new ReadStreamOptions { Direction = ReadDirection.Backward, MaxCount = 1 }, cancellationToken);
        var status = page.Events switch
        {
            [] => CustomerStatus.None,
            [{ Data: CustomerDataErased }] => CustomerStatus.Erased,
            _ => CustomerStatus.Active,
        };
        return CustomerDecider.EnsureWritable(CustomerState.Initial with { Id = customerId, Status = status }, customerId);
    }

    /// <summary>A case linked to a customer's contact or offer must be one of that customer's cases.</summary>
    private async Task<DomainError?> CaseOfCustomerAsync(Guid? caseId, Guid customerId, CancellationToken cancellationToken)
    {
        if (caseId is not { } id)
        {
            return null;
        }
        var owner = await CaseOwnerAsync(id, cancellationToken);
        return owner == customerId
            ? null
            : new DomainError(
                DomainErrors.CaseNotFound,
                owner is null ? $"No case {id} exists." : $"Case {id} belongs to another customer than {customerId}.",
                "caseId");
    }

    private static CommandReply<TState> Refused<TState>(string streamId, DomainError error)
        where TState : class =>
        new() { StreamId = streamId, Errors = [error] };

    private static Built<Money> ToMoney(MoneyInput? input, string? caseCurrency, string field)
    {
        if (input is null)
        {
            return new DomainError(DomainErrors.RemedyAmountNotPositive, "The remedy has no amount.", field);
        }
        var currency = input.Currency ?? caseCurrency;
        return Money.IsCurrencyCode(currency)
            ? new Money(input.Amount, currency!)
            : new DomainError(DomainErrors.MoneyCurrencyInvalid, $"'{currency}' is not a currency code; use three upper-case letters such as EUR.", field);
    }

    /// <summary>A command, or why it could not even be built.</summary>
    private readonly record struct Built<T>(T? Command, DomainError? Error)
        where T : class
    {
        public static implicit operator Built<T>(T command) => new(command, null);

        public static implicit operator Built<T>(DomainError error) => new(null, error);
    }
}
