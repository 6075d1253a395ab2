using Crm.EventStore;
using Crm.Messaging.Internal;

namespace Crm.Messaging;

/// <summary>
/// The aggregate handler workflow: for a command aimed at a stream, load the stream's state and
/// version, run the pure decider, and append the events it returns with the loaded version as the
/// expected version, in one transaction with the store's inline hooks (read models). When another
/// writer got there first, the command is decided again on the fresh state (bounded, with jitter) —
/// unless the caller named the version it expects (a screen showing that version): then the
/// conflict is the caller's to see, and nothing is written.
/// </summary>
public sealed class AggregateHandler(IEventStore store, AggregateHandlerOptions? options = null)
{
    private static readonly AggregateHandlerOptions Defaults = new();
    private readonly AggregateHandlerOptions _options = options ?? Defaults;
    private readonly AggregateStateCache _states = new((options ?? Defaults).StateCacheCapacity);

    /// <summary>How many streams' states are kept now (see <see cref="AggregateHandlerOptions.StateCacheCapacity"/>).</summary>
    internal int CachedStates => _states.Count;

    /// <summary>Handles one command against one stream.</summary>
    /// <param name="streamId">The stream the command is aimed at.</param>
    /// <param name="aggregate">How to fold the stream into a state.</param>
    /// <param name="decide">The pure decision on the current state.</param>
    /// <param name="metadata">Who and why, copied into every event.</param>
    /// <param name="expectedVersion">The version the caller's view was built from; a mismatch is returned as a conflict.</param>
    /// <param name="streamType">A label stored when the stream is created.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    public async Task<CommandResult<TState, TError>> HandleAsync<TState, TEvent, TError>(
        string streamId,
        AggregateDefinition<TState, TEvent> aggregate,
        Func<TState, CommandDecision<TEvent, TError>> decide,
        CommandMetadata metadata,
        StreamVersion? expectedVersion = null,
        string? streamType = null,
        CancellationToken cancellationToken = default)
        where TEvent : class
        where TError : class
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(streamId);
        ArgumentNullException.ThrowIfNull(aggregate);
        ArgumentNullException.ThrowIfNull(decide);
        ArgumentNullException.ThrowIfNull(metadata);

        var eventMetadata = ToEventMetadata(metadata);
        for (var attempt = 1; ; attempt++)
        {
            var loaded = await LoadAsync(streamId, aggregate, cancellationToken);
            if (expectedVersion is { } expected && expected != loaded.Version)
            {
                return Conflicted<TState, TError>(loaded, new WrongExpectedVersionException(streamId, ExpectedVersion.Exactly(expected), loaded.Version), attempt);
            }

            var decision = decide(loaded.State);
            if (decision.Error is { } error)
            {
                return new CommandResult<TState, TError> { Outcome = CommandOutcome.Refused, State = loaded.State, Version = loaded.Version, Error = error, Attempts = attempt };
            }
            if (decision.Events.Count == 0)
            {
                return new CommandResult<TState, TError> { Outcome = CommandOutcome.Accepted, State = loaded.State, Version = loaded.Version, Attempts = attempt };
            }

            var events = new EventData[decision.Events.Count];
            for (var i = 0; i < events.Length; i++)
            {
                events[i] = new EventData(decision.Events[i], eventMetadata);
            }
            try
            {
                var append = new StreamAppend(streamId, ExpectedVersion.Exactly(loaded.Version), events) { StreamType = streamType };
                var appended = await store.AppendAsync([append], cancellationToken);
                var state = loaded.State;
                foreach (var e in decision.Events)
                {
                    state = aggregate.Evolve(state, e);
                }
                _states.Set(streamId, aggregate, state, appended[0].Version);
                return new CommandResult<TState, TError>
                {
                    Outcome = CommandOutcome.Accepted,
                    State = state,
                    Version = appended[0].Version,
                    Events = appended[0].Events,
                    Attempts = attempt,
                };
            }
            catch (EventStoreConcurrencyException conflict)
            {
                var wrongVersion = conflict as WrongExpectedVersionException
                    ?? new WrongExpectedVersionException(streamId, ExpectedVersion.Exactly(loaded.Version), loaded.Version);
                // Another writer got ahead: the kept state stays, and the retry reads only their events.
                // A stream behind the kept state (a restored database) or an unexplained conflict is loaded whole.
                if (conflict is not WrongExpectedVersionException || wrongVersion.ActualVersion < loaded.Version)
                {
                    _states.Forget(streamId, aggregate);
                }
                if (expectedVersion is not null || attempt >= _options.MaxAttempts)
                {
                    return Conflicted<TState, TError>(loaded, wrongVersion, attempt);
                }
                await Task.Delay(Backoff(attempt), cancellationToken);
            }
        }
    }

    /// <summary>The stream's state: the kept one and the events after it, or the whole stream.</summary>
    private async Task<AggregateResult<TState>> LoadAsync<TState, TEvent>(string streamId, AggregateDefinition<TState, TEvent> aggregate, CancellationToken cancellationToken)
        where TEvent : class
    {
        AggregateResult<TState> loaded;
        if (_states.TryGet<TState>(streamId, aggregate, out var state, out var version))
        {
            var options = new ReadStreamOptions { FromVersion = version.Next() };
            while (true)
            {
                var page = await store.ReadStreamAsync(streamId, options, cancellationToken);
                foreach (var recorded in page.Events)
                {
                    state = aggregate.Apply(state, recorded);
                    version = recorded.Version;
                }
                if (page.NextVersion is not { } next)
                {
                    break;
                }
                options = options with { FromVersion = next };
            }
            loaded = new AggregateResult<TState>(state, version);
        }
        else
        {
            loaded = await store.AggregateAsync(streamId, aggregate.Initial, aggregate.Apply, cancellationToken: cancellationToken);
        }
        if (loaded.Version != StreamVersion.None)
        {
            _states.Set(streamId, aggregate, loaded.State, loaded.Version);
        }
        return loaded;
    }

    private static CommandResult<TState, TError> Conflicted<TState, TError>(AggregateResult<TState> loaded, WrongExpectedVersionException conflict, int attempt)
        where TError : class =>
        new() { Outcome = CommandOutcome.Conflict, State = loaded.State, Version = loaded.Version, Conflict = conflict, Attempts = attempt };

    /// <summary>Exponential ceiling with full jitter, so racing writers spread out instead of colliding again.</summary>
    private TimeSpan Backoff(int attempt)
    {
        var ceiling = Math.Min(_options.MaxDelay.TotalMilliseconds, _options.BaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1));
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling);
    }

    private static EventMetadata ToEventMetadata(CommandMetadata metadata) => new()
    {
        ActorId = metadata.ActorId,
        ActorRole = metadata.ActorRole,
        CorrelationId = metadata.CorrelationId ?? Guid.CreateVersion7().ToString(),
        CausationId = metadata.CausationId,
        OccurredAt = metadata.OccurredAt,
        Headers = metadata.Headers,
    };
}
