using Crm.EventStore;

namespace Crm.Messaging;

/// <summary>How to rebuild an aggregate's state from its stream: the state before any event and the fold of one event.</summary>
/// <typeparam name="TState">The aggregate's state.</typeparam>
/// <typeparam name="TEvent">The aggregate's event type; events of other types in the stream are a schema error.</typeparam>
public sealed class AggregateDefinition<TState, TEvent>(TState initial, Func<TState, TEvent, TState> evolve)
    where TEvent : class
{
    /// <summary>The state of a stream with no events.</summary>
    public TState Initial { get; } = initial;

    /// <summary>Applies one event to a state.</summary>
    public Func<TState, TEvent, TState> Evolve { get; } = evolve ?? throw new ArgumentNullException(nameof(evolve));

    internal TState Apply(TState state, RecordedEvent recorded) =>
        recorded.Data is TEvent e
            ? Evolve(state, e)
            : throw new InvalidOperationException(
                $"Stream '{recorded.StreamId}' holds event {recorded.TypeName} at version {recorded.Version}, which is not a {typeof(TEvent).Name}.");
}
