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
/// <remarks>
/// Two modes give the same events per stream: <see cref="RunAsync"/> sends every command to the
/// store (one append each, with the store's inline read models), <see cref="RunBulkAsync"/> runs the
/// commands against an <see cref="InMemoryEventStore"/> and writes what they appended to the store
/// with large imports (binary COPY) while the simulation goes on.
/// </remarks>
internal sealed class Seeder(SeedOptions options, IEventStore store, CrmPolicies policies)
{
    /// <summary>Events a bulk run collects before it hands them to the store as one import.</summary>
    public const int DefaultImportSize = 50_000;

    /// <summary>Runs the generation; <paramref name="progress"/> hears after each simulated day.</summary>
    /// <exception cref="SeedConflictException">The store already holds the history of this seed.</exception>
    public Task<SeedReport> RunAsync(Action<SeedProgress>? progress, CancellationToken cancellationToken) =>
        SimulateAsync(store, afterDayAsync: null, progress, cancellationToken);

    /// <summary>
    /// Runs the generation against an in-memory store and imports its events into the store in
    /// imports of about <paramref name="importSize"/> events (each one transaction, with the store's
    /// hooks). The imports run one after the other on another task, while the simulation goes on.
    /// Progress counts the events simulated so far.
    /// </summary>
    /// <exception cref="SeedConflictException">The store already holds the history of this seed.</exception>
    public async Task<SeedReport> RunBulkAsync(Action<SeedProgress>? progress, CancellationToken cancellationToken, int importSize = DefaultImportSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(importSize, 1);
        var memory = new InMemoryEventStore(CrmEventTypes.CreateRegistry());
        // Queues are shared by every seed: another seed's history in the store continues them.
        foreach (var queue in SeedCatalog.Queues)
        {
            await memory.LoadAsync(store, CrmStreams.Queue(queue.Name), cancellationToken);
        }
        var imports = System.Threading.Channels.Channel.CreateBounded<IReadOnlyList<StreamAppend>>(
            new System.Threading.Channels.BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var importing = Task.Run(
            async () =>
            {
                await foreach (var batch in imports.Reader.ReadAllAsync(stop.Token))
                {
                    await store.ImportAsync(batch, stop.Token);
                }
            },
            CancellationToken.None);
        long taken = 0;
        var clock = Stopwatch.StartNew();
        async Task FlushAsync(bool force)
        {
            if (memory.Count - taken < importSize && !(force && memory.Count > taken))
            {
                return;
            }
            taken = memory.Count;
            var batch = memory.TakePending();
            // A failed import ends the run at once instead of when the channel fills.
            if (importing.IsCompleted)
            {
                await importing;
            }
            await imports.Writer.WriteAsync(batch, stop.Token);
        }
        try
        {
            var report = await SimulateAsync(memory, () => FlushAsync(force: false), progress, cancellationToken);
            await FlushAsync(force: true);
            imports.Writer.Complete();
            await importing;
            // The run lasts until the last import is written.
            return report with { Elapsed = clock.Elapsed };
        }
        finally
        {
            imports.Writer.TryComplete();
            if (!importing.IsCompleted)
            {
                await stop.CancelAsync();
                try
                {
                    await importing;
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    // The run failed or was cancelled; the import in flight was abandoned with it.
                }
            }
        }
    }

    private async Task<SeedReport> SimulateAsync(IEventStore target, Func<Task>? afterDayAsync, Action<SeedProgress>? progress, CancellationToken cancellationToken)
    {
        var counting = new CountingEventStore(target);
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
            if (afterDayAsync is not null)
            {
                await afterDayAsync();
            }
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
