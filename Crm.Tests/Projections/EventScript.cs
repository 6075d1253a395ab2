using Crm.Domain.Cases;
using Crm.Domain.Common;
using Crm.Domain.Customers;
using Crm.Domain.Queues;
using Crm.Projections.Engine;

namespace Crm.Tests.Projections;

/// <summary>
/// Writes a history the way the service does — command, current state, <c>Decide</c>, events —
/// and records each event as the projections receive it, with a global position and a stream version.
/// </summary>
internal sealed class EventScript
{
    private readonly Dictionary<Guid, CustomerState> _customers = [];
    private readonly Dictionary<Guid, CaseState> _cases = [];
    private readonly Dictionary<string, QueueState> _queues = [];
    private readonly Dictionary<string, long> _versions = [];
    private readonly List<ProjectedEvent> _events = [];

    public IReadOnlyList<ProjectedEvent> Events => _events;

    public CustomerState CustomerState(Guid id) => _customers.GetValueOrDefault(id, CustomerDecider.Initial);

    public IReadOnlyList<CustomerEvent> Run(CustomerCommand command)
    {
        var state = CustomerState(command.CustomerId);
        var events = Accepted(CustomerDecider.Decide(command, state), command);
        _customers[command.CustomerId] = events.Aggregate(state, CustomerDecider.Evolve);
        Record($"customer-{command.CustomerId}", events, e => e.OccurredAt);
        return events;
    }

    public IReadOnlyList<CaseEvent> Run(CaseCommand command)
    {
        var state = _cases.GetValueOrDefault(command.CaseId, CaseDecider.Initial);
        if (command is OpenCase open && CustomerDecider.EnsureWritable(CustomerState(open.CustomerId), open.CustomerId) is { } notWritable)
        {
            throw new InvalidOperationException($"{command.GetType().Name} refused: {notWritable.Code} {notWritable.Message}");
        }
        var events = Accepted(CaseDecider.Decide(command, state), command);
        _cases[command.CaseId] = events.Aggregate(state, CaseDecider.Evolve);
        Record($"case-{command.CaseId}", events, e => e.OccurredAt);
        return events;
    }

    public IReadOnlyList<QueueEvent> Run(QueueCommand command)
    {
        var state = _queues.GetValueOrDefault(command.Queue, QueueDecider.Initial);
        var events = Accepted(QueueDecider.Decide(command, state), command);
        _queues[command.Queue] = events.Aggregate(state, QueueDecider.Evolve);
        Record($"queue-{command.Queue}", events, e => e.OccurredAt);
        return events;
    }

    private static EquatableList<TEvent> Accepted<TEvent>(Decision<TEvent> decision, object command)
        where TEvent : class =>
        decision.Error is { } error
            ? throw new InvalidOperationException($"{command.GetType().Name} refused: {error.Code} {error.Message}")
            : decision.Events;

    private void Record<TEvent>(string stream, IEnumerable<TEvent> events, Func<TEvent, DateTimeOffset> occurredAt)
        where TEvent : class
    {
        foreach (var e in events)
        {
            var version = _versions.GetValueOrDefault(stream) + 1;
            _versions[stream] = version;
            _events.Add(ProjectedEvents.FromStore(_events.Count + 1, stream, version, e, occurredAt(e), occurredAt(e)));
        }
    }
}
