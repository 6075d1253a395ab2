using System.Diagnostics;
using Bogus;
using Crm.Api.Application;
using Crm.EventStore;

namespace Crm.Api.Seeding;

/// <summary>
/// Generates a deterministic synthetic history through the same commands the API runs: customers
/// (simulated a few at once) and queues, advanced day by day in time order. The same options give
/// the same events in every stream; which customer's steps reach the database first may differ.
/// </summary>
internal sealed class Seeder(SeedOptions options, IEventStore store, CrmPolicies policies)
{
    /// <summary>Runs the generation; <paramref name="progress"/> hears after each simulated day.</summary>
    /// <exception cref="SeedConflictException">The store already holds the history of this seed.</exception>
    public async Task<SeedReport> RunAsync(Action<SeedProgress>? progress, CancellationToken cancellationToken)
    {
        var counting = new CountingEventStore(store);
        var staff = SeedStaff.Create(options.Seed, options.Customers, options.Start);
        var context = new SeedContext(options, counting, policies, staff, PickErasures());
        var customers = new CustomerSimulation[options.Customers];
        for (var i = 0; i < customers.Length; i++)
        {
            customers[i] = new CustomerSimulation(context, i);
        }
        // Customers register in time order, so a store holding any of this history (even of an
        // interrupted run) holds the customer registered first.
        var first = customers.MinBy(c => c.RegisteredAt)!;
        if (await store.GetStreamAsync(CrmStreams.Customer(first.CustomerId), cancellationToken) is not null)
        {
            throw new SeedConflictException(
                $"The store already holds the history of seed {options.Seed} (its first customer, {first.CustomerId}, exists). "
                + "Seed into an empty database, or choose another --seed.");
        }
        var queues = SeedCatalog.Queues.Select((q, i) => new QueueSimulation(context, q, i)).ToArray();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = cancellationToken };
        var clock = Stopwatch.StartNew();

        for (var day = 0; day < options.Days; day++)
        {
            var dayStart = options.Start.AddDays(day);
            var dayEnd = dayStart.AddDays(1);
            var due = customers.Where(c => c.NextAt < dayEnd).ToArray();
            await Parallel.ForEachAsync(due, parallel, async (customer, ct) => await customer.RunUntilAsync(dayStart, dayEnd, ct));
            var abandoned = due.SelectMany(c => c.TakeAbandonedCalls()).ToLookup(c => c.Queue, StringComparer.Ordinal);
            await Parallel.ForEachAsync(queues, parallel, async (queue, ct) => await queue.RunDayAsync(dayStart, abandoned[queue.Name], ct));
            progress?.Invoke(new SeedProgress(day + 1, options.Days, counting.Total, clock.Elapsed));
        }

        var counts = counting.ByType;
        return new SeedReport(
            options,
            staff,
            [.. CrmEventTypes.All.Select(t => (t.Name, counts.GetValueOrDefault(t.Type)))],
            context.Statistics.Commands,
            context.Statistics.Refused,
            context.Statistics.Refusals,
            clock.Elapsed);
    }

    /// <summary>About one customer in a hundred (at least one) asks for their data to be erased.</summary>
    private HashSet<int> PickErasures()
    {
        var random = new Randomizer(SeedIds.Derive(options.Seed, SeedPart.Selection, 0));
        var erasures = new HashSet<int>();
        var count = Math.Max(1, options.Customers / 100);
        while (erasures.Count < count)
        {
            erasures.Add(random.Number(0, options.Customers - 1));
        }
        return erasures;
    }
}
