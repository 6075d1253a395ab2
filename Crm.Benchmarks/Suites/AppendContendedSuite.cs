using System.Globalization;
using Crm.Benchmarks.Harness;
using Crm.Domain.Common;
using Crm.Domain.Customers;
using Crm.EventStore;
using Crm.EventStore.Postgres;
using Crm.Messaging;

namespace Crm.Benchmarks.Suites;

/// <summary>
/// Writers racing on a few hot customer streams through the aggregate handler (load, decide with the
/// real customer decider, append with the loaded version, retry on conflict): accepted commands per
/// second and how often an attempt lost the race. Beside it, the same commands with every writer on
/// a stream of its own (no races), and the single-row INSERT ceiling at the same concurrency.
/// </summary>
internal sealed class AppendContendedSuite : ISuite
{
    private const int Writers = 8;
    private const int HotStreams = 8;

    // A hot customer already has a history; every command loads all of it (there are no snapshots).
    private const int HistoryPerStream = 50;

    private static readonly AggregateDefinition<CustomerState, CustomerEvent> Customer = new(CustomerDecider.Initial, CustomerDecider.Evolve);

    public string Name => "append-contended";

    public string Description => "commands/s and conflict rate of 8 writers on 8 hot streams through the aggregate handler with retries";

    public async Task RunAsync(BenchOptions options)
    {
        await using var database = await BenchDatabase.CreateAsync(options);
        var report = new Report(Name);
        report.Context("postgres", await database.SettingsAsync());
        var handlerOptions = new AggregateHandlerOptions();
        report.Context("run", new
        {
            seconds = options.Duration.TotalSeconds,
            writers = Writers,
            hotStreams = HotStreams,
            historyPerStream = HistoryPerStream,
            maxAttempts = handlerOptions.MaxAttempts,
            baseDelayMs = handlerOptions.BaseDelay.TotalMilliseconds,
            maxDelayMs = handlerOptions.MaxDelay.TotalMilliseconds,
        });

        await using var store = await database.CreateStoreAsync("bench_contended");
        var handler = new AggregateHandler(store, handlerOptions);
        var workloads = Enumerable.Range(0, Writers).Select(w => new InteractionWorkload(seed: w)).ToArray();
        var row = workloads[0].CeilingRow();

        // Warm-up on streams of their own, not measured.
        var warmUp = await SeedAsync(store, handler, workloads[0], Writers);
        await RunCommandsAsync(handler, workloads, warmUp, TimeSpan.FromSeconds(30), maxPerWorker: 20, pick: (worker, _) => worker);
        await Ceilings.SingleRowInsertsAsync(database.DataSource, Writers, TimeSpan.FromSeconds(30), row, maxPerWorker: 50);

        var ceiling = await Ceilings.SingleRowInsertsAsync(database.DataSource, Writers, options.Duration, row);
        var hot = await SeedAsync(store, handler, workloads[0], HotStreams);
        var (contended, waits) = await WaitSampler.SampleAsync(
            database.DataSource, () => RunCommandsAsync(handler, workloads, hot, options.Duration, long.MaxValue, (worker, random) => random.Next(HotStreams)));
        var own = await SeedAsync(store, handler, workloads[0], Writers);
        var uncontended = await RunCommandsAsync(handler, workloads, own, options.Duration, long.MaxValue, (worker, _) => worker);

        report.Add(
            $"commands accepted, {Writers} writers on {HotStreams} hot streams",
            contended.Load.PerSecond,
            "commands/s",
            ceiling.PerSecond,
            note: Describe(contended) + $", {waits}" + string.Create(CultureInfo.InvariantCulture, $"; ceiling p50 {ceiling.P50Ms:0.00} / p99 {ceiling.P99Ms:0.00} ms"));
        report.Add("conflict rate (attempts that lost the race)", 100.0 * contended.Conflicts / contended.Attempts, "% of attempts",
            note: string.Create(CultureInfo.InvariantCulture, $"{contended.Conflicts:#,0} conflicts in {contended.Attempts:#,0} attempts"));
        report.Add("retries per accepted command", (double)contended.Conflicts / Math.Max(1, contended.Load.Operations), "retries/command");
        report.Add("commands that ran out of attempts", contended.Exhausted, "commands", note: $"after {handlerOptions.MaxAttempts} attempts");
        report.Add(
            $"reference: same commands, {Writers} writers on a stream each",
            uncontended.Load.PerSecond,
            "commands/s",
            ceiling.PerSecond,
            note: Describe(uncontended));

        foreach (var (result, streams) in new[] { (contended, hot), (uncontended, own) })
        {
            if (result.Refused > 0)
            {
                throw new InvalidOperationException($"The customer decider refused {result.Refused} commands: the workload is wrong, the figures mean nothing.");
            }
            var expected = result.Load.Operations + (HistoryPerStream * streams.Length);
            var stored = 0L;
            foreach (var stream in streams)
            {
                stored += (await store.GetStreamAsync(InteractionWorkload.CustomerStream(stream)))?.Version.Value ?? 0;
            }
            if (stored != expected)
            {
                throw new InvalidOperationException($"The streams hold {stored} events but {expected} were accepted.");
            }
        }
        await report.WriteAsync(options.OutputDirectory);
    }

    /// <summary>Registers customers through the handler and gives each a history of logged contacts.</summary>
    private static async Task<Guid[]> SeedAsync(PostgresEventStore store, AggregateHandler handler, InteractionWorkload workload, int count)
    {
        var customers = new Guid[count];
        for (var i = 0; i < count; i++)
        {
            customers[i] = Guid.CreateVersion7();
            var registered = await handler.HandleAsync(
                InteractionWorkload.CustomerStream(customers[i]), Customer, state => Decide(workload.NewCustomer(customers[i]), state), Metadata(workload));
            if (registered.Outcome != CommandOutcome.Accepted)
            {
                throw new InvalidOperationException($"Registering a customer for the benchmark failed: {registered.Outcome} {registered.Error?.Message}");
            }
            var history = Enumerable.Range(0, HistoryPerStream - 1).Select(_ => workload.NextInteraction(customers[i])).ToArray();
            await store.AppendAsync(InteractionWorkload.CustomerStream(customers[i]), ExpectedVersion.Exactly(1), history);
        }
        return customers;
    }

    private static async Task<CommandRun> RunCommandsAsync(
        AggregateHandler handler,
        InteractionWorkload[] workloads,
        Guid[] streams,
        TimeSpan duration,
        long maxPerWorker,
        Func<int, Random, int> pick)
    {
        long attempts = 0, conflicts = 0, exhausted = 0, refused = 0;
        var randoms = Enumerable.Range(0, workloads.Length).Select(w => new Random(1000 + w)).ToArray();
        var load = await Load.RunAsync(workloads.Length, duration, maxPerWorker, async (worker, _) =>
        {
            var customerId = streams[pick(worker, randoms[worker])];
            var command = workloads[worker].NextLogInteraction(customerId);
            var result = await handler.HandleAsync(InteractionWorkload.CustomerStream(customerId), Customer, state => Decide(command, state), Metadata(workloads[worker]));
            Interlocked.Add(ref attempts, result.Attempts);
            switch (result.Outcome)
            {
                case CommandOutcome.Accepted:
                    Interlocked.Add(ref conflicts, result.Attempts - 1);
                    return true;
                case CommandOutcome.Conflict:
                    Interlocked.Add(ref conflicts, result.Attempts);
                    Interlocked.Increment(ref exhausted);
                    return false;
                default:
                    Interlocked.Increment(ref refused);
                    return false;
            }
        });
        return new CommandRun(load, attempts, conflicts, exhausted, refused);
    }

    private static CommandDecision<CustomerEvent, DomainError> Decide(CustomerCommand command, CustomerState state)
    {
        var decision = CustomerDecider.Decide(command, state);
        return decision.Error is { } error
            ? CommandDecision.Refuse<CustomerEvent, DomainError>(error)
            : CommandDecision.Accept<CustomerEvent, DomainError>(decision.Events);
    }

    private static CommandMetadata Metadata(InteractionWorkload workload) => new()
    {
        ActorId = workload.Agent.Id.ToString(),
        ActorRole = nameof(ActorRole.Agent),
        CausationId = Guid.CreateVersion7().ToString(),
    };

    private static string Describe(CommandRun run) => string.Create(
        CultureInfo.InvariantCulture,
        $"p50 {run.Load.P50Ms:0.00} / p99 {run.Load.P99Ms:0.00} ms per command (retries included); {run.Load.Operations:#,0} accepted, {run.Attempts:#,0} attempts");

    private sealed record CommandRun(LoadResult Load, long Attempts, long Conflicts, long Exhausted, long Refused);
}
