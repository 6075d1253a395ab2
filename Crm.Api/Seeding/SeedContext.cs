using Crm.Api.Application;
using Crm.Domain.Common;

namespace Crm.Api.Seeding;

/// <summary>What every simulated participant of one generation run shares.</summary>
internal sealed class SeedContext(SeedOptions options, CountingEventStore store, CrmPolicies policies, SeedStaff staff, IReadOnlySet<int> erasures)
{
    public SeedOptions Options { get; } = options;

    /// <summary>The store the commands write to.</summary>
    public CountingEventStore Store { get; } = store;

    public CrmPolicies Policies { get; } = policies;

    public SeedStaff Staff { get; } = staff;

    /// <summary>The customers (by number) who ask for their data to be erased at some point.</summary>
    public IReadOnlySet<int> Erasures { get; } = erasures;

    public SeedStatistics Statistics { get; } = new();

    /// <summary>The customer's commands, with their own clock; new ids come from the customer's random stream.</summary>
    public CrmCommands CommandsFor(SimulatedClock clock, Func<Guid> newId) => new(Store, Policies, clock, newId: newId);
}

/// <summary>
/// A contact that gave up in a queue, noticed by a customer's simulation. Queues are shared by
/// all customers, so the simulations do not write these themselves: the queue writes them, in
/// time order, once the day's customers are done.
/// </summary>
internal sealed record AbandonedCall(string Queue, Channel Channel, DateTimeOffset EnteredAt, int WaitSeconds, string? CallerAddress, Guid? CustomerId, Guid ContactId)
{
    public DateTimeOffset AbandonedAt => EnteredAt.AddSeconds(WaitSeconds);
}
