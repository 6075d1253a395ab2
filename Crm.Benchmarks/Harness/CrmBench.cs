using System.Diagnostics;
using Crm.Api.Application;
using Crm.Api.Seeding;
using Crm.Domain.Common;
using Crm.Domain.Customers;
using Crm.EventStore;
using Crm.EventStore.Postgres;
using Crm.EventStore.Projections;
using Crm.Projections;
using Crm.Projections.Daemon;

namespace Crm.Benchmarks.Harness;

/// <summary>What a bulk seed wrote, and how long it took.</summary>
/// <param name="Customers">Customers simulated.</param>
/// <param name="Events">Events written.</param>
/// <param name="Elapsed">Simulation and imports, until the last import was committed.</param>
/// <param name="EventsPerCustomer">What the pilot run measured, from which the customers were computed.</param>
/// <param name="Refused">Commands the domain refused (0 unless the generator has a bug).</param>
internal sealed record SeedOutcome(int Customers, long Events, TimeSpan Elapsed, double EventsPerCustomer, long Refused)
{
    public double PerSecond => Events / Elapsed.TotalSeconds;
}

/// <summary>
/// The CRM's storage in a bench database: the event store (CRM event types, no append hooks, so
/// imports write only the log), the read-model schema, the projection registry and a daemon for
/// rebuilds, and the read-model queries the GraphQL API uses. Seeds realistic histories in bulk.
/// </summary>
internal sealed class CrmBench : IAsyncDisposable
{
    // A pilot of this many customers measures how many events a customer makes with the chosen days.
    private const int PilotCustomers = 300;

    private CrmBench(BenchDatabase database, PostgresEventStore store, ProjectionRegistry registry, ProjectionDaemon daemon)
    {
        Database = database;
        Store = store;
        Registry = registry;
        Daemon = daemon;
        Queries = new ReadModelQueries(database.DataSource, ReadModelSchema.Default);
    }

    public BenchDatabase Database { get; }

    public PostgresEventStore Store { get; }

    public ProjectionRegistry Registry { get; }

    public ProjectionDaemon Daemon { get; }

    public ReadModelQueries Queries { get; }

    public static async Task<CrmBench> CreateAsync(BenchDatabase database, int rebuildBatchSize)
    {
        var store = new PostgresEventStore(new EventStoreOptions
        {
            DataSource = database.DataSource,
            Schema = ApplicationSetup.DefaultStoreSchema,
            Types = CrmEventTypes.CreateRegistry(),
            SerializerOptions = CrmJson.CreateEventOptions(),
        });
        await store.InitializeAsync();
        await new ReadModelMigrator(database.DataSource, ReadModelSchema.Default).MigrateAsync();
        var registry = new ProjectionRegistry().AddCrmReadModels(ReadModelSchema.Default);
        var daemon = new ProjectionDaemon(store, registry, new ProjectionDaemonOptions
        {
            InstanceId = $"bench:{Environment.ProcessId}",
            RebuildBatchSize = rebuildBatchSize,
            Diagnostics = d =>
            {
                if (d.Level >= ProjectionDiagnosticLevel.Warning)
                {
                    Console.Error.WriteLine($"{d.Level}: {d.Message}");
                }
            },
        });
        return new CrmBench(database, store, registry, daemon);
    }

    /// <summary>
    /// Seeds about <paramref name="events"/> events with the bulk seeder: a pilot run in memory
    /// measures the events per customer, the customers are computed from it (at most
    /// <see cref="SeedOptions.MaxCustomers"/>), then the history is simulated and imported.
    /// </summary>
    public async Task<SeedOutcome> SeedAsync(long events, int seed, DateOnly anchor, int days)
    {
        var pilot = new SeedOptions { Customers = PilotCustomers, Seed = seed, Days = days, Anchor = anchor, Parallelism = 4 };
        var pilotReport = await new Seeder(pilot, new InMemoryEventStore(CrmEventTypes.CreateRegistry()), CrmPolicies.Default).RunAsync(null, CancellationToken.None);
        var perCustomer = (double)pilotReport.Events / PilotCustomers;
        var customers = (int)Math.Clamp(Math.Ceiling(events / perCustomer), 1, SeedOptions.MaxCustomers);
        var options = pilot with { Customers = customers };
        var clock = Stopwatch.StartNew();
        var report = await new Seeder(options, Store, CrmPolicies.Default).RunBulkAsync(
            p =>
            {
                if (p.DaysDone % 30 == 0 || p.DaysDone == p.Days)
                {
                    Console.Error.WriteLine($"seed {seed}: day {p.DaysDone}/{p.Days}, {p.Events:N0} events simulated, {p.Elapsed.TotalSeconds:0.0} s");
                }
            },
            CancellationToken.None);
        foreach (var refusal in report.Refusals)
        {
            Console.Error.WriteLine($"seed {seed}: the domain refused {refusal.Command} on {refusal.StreamId}: {refusal.Code} {refusal.Message}");
        }
        return new SeedOutcome(customers, report.Events, clock.Elapsed, perCustomer, report.Refused);
    }

    /// <summary>
    /// A customer with <paramref name="events"/> events: registered, then a long run of logged
    /// contacts a few minutes apart, through the same commands and the same bulk path (in-memory
    /// store, one import) as the seeder.
    /// </summary>
    public async Task<(Guid CustomerId, long Events)> AddBusyCustomerAsync(int events, DateTimeOffset start)
    {
        var memory = new InMemoryEventStore(CrmEventTypes.CreateRegistry());
        var clock = new SimulatedClock(start);
        var commands = new CrmCommands(memory, CrmPolicies.Default, clock);
        var agent = new CommandContext(new Actor(Guid.CreateVersion7(), "Bench Agent", ActorRole.Agent));
        var customerId = Guid.CreateVersion7();
        var registered = await commands.RegisterCustomerAsync(
            agent, new RegisterCustomerInput("Busy Customer", ["busy@example.com"], ["+441632960000"], null, "en", Segment.Consumer, Channel.Phone) { CustomerId = customerId });
        Check(registered.Errors);
        for (var i = 1; i < events; i++)
        {
            clock.Advance(TimeSpan.FromMinutes(7));
            var logged = await commands.LogInteractionAsync(
                agent,
                new LogInteractionInput(customerId, Channel.Email, Direction.Inbound, null, "billing", $"Question {i} about an invoice", clock.Now, 60, 0, 30, null));
            Check(logged.Errors);
        }
        var import = memory.TakePending();
        await Store.ImportAsync(import);
        return (customerId, memory.Count);
    }

    /// <summary>Rebuilds one projection with the daemon's blue/green rebuild, sampling the server's waits and the client's CPU time.</summary>
    public async Task<(RebuildResult Result, string Waits, TimeSpan ClientCpu)> RebuildAsync(string projection)
    {
        var ((result, waits), cpu) = await ClientCpu.MeasureAsync(() => WaitSampler.SampleAsync(Database.DataSource, () => Daemon.RebuildAsync(projection)));
        return (result, waits, cpu);
    }

    /// <summary>How many events the log holds.</summary>
    public Task<long> CountEventsAsync() => Database.CountEventsAsync(Store);

    public async ValueTask DisposeAsync() => await Daemon.DisposeAsync();

    private static void Check(IReadOnlyList<DomainError> errors)
    {
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"The domain refused a command of the bench: {errors[0].Code} {errors[0].Message}");
        }
    }
}
