using Crm.Domain.Cases;
using Crm.Domain.Common;
using Crm.Domain.Customers;
using Crm.Domain.Queues;

namespace Crm.Tests.Domain;

/// <summary>Given/When/Then for the deciders: given a history, when a command is decided, then these events or this error.</summary>
internal static class Given
{
    public static Scenario<CustomerState, CustomerCommand, CustomerEvent> Customer(params CustomerEvent[] history) =>
        new(CustomerDecider.Decide, CustomerDecider.Evolve, CustomerDecider.Initial, history);

    public static Scenario<CaseState, CaseCommand, CaseEvent> Case(params CaseEvent[] history) =>
        new(CaseDecider.Decide, CaseDecider.Evolve, CaseDecider.Initial, history);

    public static Scenario<QueueState, QueueCommand, QueueEvent> Queue(params QueueEvent[] history) =>
        new(QueueDecider.Decide, QueueDecider.Evolve, QueueDecider.Initial, history);
}

internal sealed class Scenario<TState, TCommand, TEvent>(
    Func<TCommand, TState, Decision<TEvent>> decide,
    Func<TState, TEvent, TState> evolve,
    TState initial,
    IReadOnlyList<TEvent> history)
    where TEvent : class
{
    public TState State { get; } = history.Aggregate(initial, evolve);

    public Outcome<TState, TEvent> When(TCommand command)
    {
        var decision = decide(command, State);
        return new Outcome<TState, TEvent>(decision, decision.Events.Aggregate(State, evolve));
    }
}

internal sealed class Outcome<TState, TEvent>(Decision<TEvent> decision, TState state)
    where TEvent : class
{
    public Decision<TEvent> Decision { get; } = decision;

    /// <summary>The state after the decided events were applied.</summary>
    public TState State { get; } = state;

    public Outcome<TState, TEvent> Then(params TEvent[] expected)
    {
        Assert.True(Decision.IsAccepted, $"Expected acceptance but got {Decision.Error}");
        Assert.Equal(expected, Decision.Events);
        return this;
    }

    public Outcome<TState, TEvent> ThenNothing()
    {
        Assert.True(Decision.IsAccepted, $"Expected acceptance but got {Decision.Error}");
        Assert.Empty(Decision.Events);
        return this;
    }

    public DomainError ThenError(string code)
    {
        Assert.False(Decision.IsAccepted, $"Expected {code} but the command was accepted with {Decision.Events}");
        Assert.Empty(Decision.Events);
        var error = Decision.Error!;
        Assert.Equal(code, error.Code);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        Assert.True(DomainErrors.Catalog.ContainsKey(error.Code), $"{error.Code} is not in DomainErrors.Catalog");
        return error;
    }

    public Outcome<TState, TEvent> ThenState(Action<TState> assert)
    {
        assert(State);
        return this;
    }
}
