using System.Globalization;
using System.Text.Json;
using Crm.Api.Application;
using Crm.Api.Auth;
using Crm.Api.GraphQL;
using Crm.Api.Hosting;
using Crm.Api.ReadModels;
using Crm.Benchmarks.Harness;
using Crm.Projections;

namespace Crm.Benchmarks.Suites;

/// <summary>
/// The customer view over HTTP: requests/s and p50/p99 of the customer document (name, stats,
/// the first 20 timeline entries) for a random customer of a seeded store, against the service in
/// a child process, at 16 and 64 connections, beside the trivial authenticated request
/// (<c>{ __typename }</c>) at the same concurrency. Then the engine's in-process figures
/// (BenchmarkDotNet, as the <c>graphql-engine</c> suite).
/// </summary>
internal sealed class GraphQLHttpSuite : ISuite
{
    public const string CustomerQuery =
        "query Customer($id: ID!) { customer(id: $id) { name stats { contacts } timeline(first: 20) { edges { node { at kind title } } } } }";

    private const double GoalPerSecond = 5000;
    private const int SeedCustomers = 250;
    private const int SeedDays = 180;
    private static readonly int[] Concurrency = [16, 64];

    public string Name => "graphql";

    public string Description => "customer query requests/s over HTTP at 16 and 64 connections beside the HTTP floor, then the engine figures (BenchmarkDotNet)";

    public async Task RunAsync(BenchOptions options)
    {
        var report = new Report(Name);
        await using (var database = await BenchDatabase.CreateAsync(options))
        {
            report.Context("postgres", await database.SettingsAsync());
            await MeasureOverHttpAsync(database, report, options);
        }
        // In process, with the service stopped: the engine alone, as graphql-engine measures it.
        await GraphQLEngineSuite.AddFiguresAsync(report, options.OutputDirectory);
        await report.WriteAsync(options.OutputDirectory);
    }

    private static async Task MeasureOverHttpAsync(BenchDatabase database, Report report, BenchOptions options)
    {
        // A realistic store, written by the seed generator through the service's own commands
        // (inline projections included), as an operator would fill one.
        var seeding = System.Diagnostics.Stopwatch.StartNew();
        await CrmServiceProcess.RunVerbAsync(database, "seed", "--customers", SeedCustomers.ToString(CultureInfo.InvariantCulture), "--days", SeedDays.ToString(CultureInfo.InvariantCulture), "--parallel", "8");
        var store = await DescribeStoreAsync(database);
        Console.Error.WriteLine($"seeded in {seeding.Elapsed.TotalSeconds:0.0} s: {store.Customers} customers, {store.Events} events, {store.TimelineEntries} timeline entries");

        await using var service = await CrmServiceProcess.StartAsync(database);
        Console.Error.WriteLine($"service listening on {service.BaseAddress}");
        var token = service.Tokens.Issue(Guid.CreateVersion7(), "Benchmark Agent", ActorRoles.Agent, TimeSpan.FromHours(4), DateTimeOffset.UtcNow);
        using var client = new GraphQLHttpClient(service.BaseAddress, token, Concurrency.Max());
        var bodies = store.CustomerIds.Select(id => GraphQLHttpClient.Body(CustomerQuery, new { id = GlobalIds.Encode(NodeKind.Customer, id) })).ToArray();
        using var random = new ThreadLocal<Random>(() => new Random(Environment.CurrentManagedThreadId));
        byte[] CustomerBody(int worker, long i) => bodies[random.Value!.Next(bodies.Length)];

        await client.ExpectSuccessAsync("{ __typename }", _ => HttpLoad.FloorBody, check: HttpLoad.IsFloorAnswer);
        await client.ExpectSuccessAsync("customer", i => bodies[i], check: IsCustomer);

        // Warm-up, not measured: JIT and tiering on both sides, connections, the service's pool and plans.
        var warmUp = TimeSpan.FromSeconds(Math.Min(3, options.Duration.TotalSeconds));
        await HttpLoad.MeasureAsync(database, service, client, Concurrency.Max(), warmUp, (_, _) => HttpLoad.FloorBody, HttpLoad.IsFloorAnswer, maxPerWorker: 500);
        await HttpLoad.MeasureAsync(database, service, client, Concurrency.Max(), warmUp, CustomerBody, IsCustomer, maxPerWorker: 500);

        // The request's reads alone: the service's own read-model code and data source settings,
        // called from this process without HTTP or GraphQL — what the database can answer.
        await using var dataSource = CrmDatabase.CreateReadDataSource(database.ServiceConnectionString);
        var reads = new CrmReadModel(dataSource, ReadModelSchema.Default, ApplicationSetup.DefaultStoreSchema);
        var queries = new ReadModelQueries(dataSource, ReadModelSchema.Default);
        async Task<bool> ReadCustomerView(int worker, long i)
        {
            var id = store.CustomerIds[random.Value!.Next(store.Customers)];
            var profiles = await reads.ProfilesAsync([id], DateTimeOffset.UtcNow, CancellationToken.None);
            var timeline = await queries.TimelineAsync(id, null, 20, null, CancellationToken.None);
            return profiles.Count == 1 && timeline.Edges.Count > 0;
        }
        await Load.RunAsync(Concurrency.Max(), warmUp, 200, ReadCustomerView);

        var linesBefore = service.OutputLines;
        long failures = 0;
        foreach (var n in Concurrency)
        {
            var floor = await HttpLoad.MeasureAsync(database, service, client, n, options.Duration, (_, _) => HttpLoad.FloorBody, HttpLoad.IsFloorAnswer);
            var databaseBefore = DatabaseCpu.Read(database.ClusterDataDirectory);
            var (reading, readingWaits) = await WaitSampler.SampleAsync(database.DataSource, () => Load.RunAsync(n, options.Duration, long.MaxValue, ReadCustomerView));
            var readingDatabase = (DatabaseCpu.Read(database.ClusterDataDirectory) - databaseBefore)?.TotalMicroseconds / Math.Max(1, reading.Operations);
            var customer = await HttpLoad.MeasureAsync(database, service, client, n, options.Duration, CustomerBody, IsCustomer);
            failures += floor.Load.Failures + customer.Load.Failures;
            report.Add(
                $"customer query, {n} connections",
                customer.Load.PerSecond,
                "requests/s",
                floor.Load.PerSecond,
                goal: string.Create(CultureInfo.InvariantCulture, $"≥ {GoalPerSecond:#,0} requests/s"),
                goalMet: customer.Load.PerSecond >= GoalPerSecond,
                note: "ceiling: the HTTP floor { __typename } at the same concurrency; "
                    + string.Create(CultureInfo.InvariantCulture, $"{customer.Load.PerSecond / reading.PerSecond:0.00} × its reads alone; ")
                    + customer.Describe());
            report.Add($"HTTP floor {{ __typename }}, {n} connections", floor.Load.PerSecond, "requests/s", note: floor.Describe());
            report.Add(
                $"the customer view's reads alone, {n} workers",
                reading.PerSecond,
                "views/s",
                note: string.Create(CultureInfo.InvariantCulture, $"profile statement + timeline page (2 round trips) through the service's read-model code, in process, no HTTP/GraphQL; p50 {reading.P50Ms:0.00} / p99 {reading.P99Ms:0.00} ms; {reading.Failures} failed; database CPU {(readingDatabase is { } d ? d.ToString("0", CultureInfo.InvariantCulture) + " µs/view" : "n/a")}; {readingWaits}"));
        }
        // Diagnostic: the same reads with Npgsql's defaults (no auto-prepare, a session reset on
        // every reuse of a pooled connection), as the service ran them before it set its own.
        await using (var plain = Npgsql.NpgsqlDataSource.Create(database.ServiceConnectionString))
        {
            var plainReads = new CrmReadModel(plain, ReadModelSchema.Default, ApplicationSetup.DefaultStoreSchema);
            var plainQueries = new ReadModelQueries(plain, ReadModelSchema.Default);
            async Task<bool> ReadPlainly(int worker, long i)
            {
                var id = store.CustomerIds[random.Value!.Next(store.Customers)];
                var profiles = await plainReads.ProfilesAsync([id], DateTimeOffset.UtcNow, CancellationToken.None);
                var timeline = await plainQueries.TimelineAsync(id, null, 20, null, CancellationToken.None);
                return profiles.Count == 1 && timeline.Edges.Count > 0;
            }
            var n = Concurrency.Max();
            await Load.RunAsync(n, warmUp, 50, ReadPlainly);
            var databaseBefore = DatabaseCpu.Read(database.ClusterDataDirectory);
            var (plainly, plainWaits) = await WaitSampler.SampleAsync(database.DataSource, () => Load.RunAsync(n, options.Duration, long.MaxValue, ReadPlainly));
            var plainDatabase = (DatabaseCpu.Read(database.ClusterDataDirectory) - databaseBefore)?.TotalMicroseconds / Math.Max(1, plainly.Operations);
            report.Add(
                $"the customer view's reads alone, {n} workers, Npgsql defaults (diagnostic)",
                plainly.PerSecond,
                "views/s",
                note: string.Create(CultureInfo.InvariantCulture, $"as above without auto-prepare and with the session reset on every reuse; p50 {plainly.P50Ms:0.00} / p99 {plainly.P99Ms:0.00} ms; {plainly.Failures} failed; database CPU {(plainDatabase is { } d ? d.ToString("0", CultureInfo.InvariantCulture) + " µs/view" : "n/a")}; {plainWaits}"));
        }

        report.Context("http", new
        {
            seconds = options.Duration.TotalSeconds,
            concurrency = Concurrency,
            hosting = "Crm.Api in a child process (production settings) on Kestrel at 127.0.0.1, HTTP/1.1 keep-alive, one connection per worker, JWT bearer (Agent)",
            document = CustomerQuery,
            store = new { seedCustomers = SeedCustomers, seedDays = SeedDays, store.Customers, store.Events, store.TimelineEntries, seedSeconds = Math.Round(seeding.Elapsed.TotalSeconds, 1) },
            failedRequests = failures,
            firstFailure = client.FirstFailure,
            serviceLogLinesDuringMeasurement = service.OutputLines - linesBefore,
        });
        if (failures > 0)
        {
            Console.Error.WriteLine($"{failures} requests failed; the first: {client.FirstFailure}");
        }
    }

    /// <summary>A customer with a name, stats and a timeline page.</summary>
    private static bool IsCustomer(JsonElement data) =>
        data.TryGetProperty("customer", out var customer) && customer.ValueKind == JsonValueKind.Object
        && customer.TryGetProperty("timeline", out var timeline) && timeline.TryGetProperty("edges", out var edges) && edges.ValueKind == JsonValueKind.Array;

    private static async Task<SeededStore> DescribeStoreAsync(BenchDatabase database)
    {
        var schema = ReadModelSchema.Default.Name;
        var ids = new List<Guid>();
        await using (var command = database.DataSource.CreateCommand($"SELECT customer_id FROM \"{schema}\".customer_profile ORDER BY customer_id"))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                ids.Add(reader.GetGuid(0));
            }
        }
        if (ids.Count == 0)
        {
            throw new InvalidOperationException("The seeded store has no customers in its read model.");
        }
        await using var counts = database.DataSource.CreateCommand(
            $"SELECT (SELECT count(*) FROM \"{ApplicationSetup.DefaultStoreSchema}\".events), (SELECT count(*) FROM \"{schema}\".customer_timeline)");
        await using var row = await counts.ExecuteReaderAsync();
        await row.ReadAsync();
        return new SeededStore(ids, row.GetInt64(0), row.GetInt64(1));
    }

    private sealed record SeededStore(IReadOnlyList<Guid> CustomerIds, long Events, long TimelineEntries)
    {
        public int Customers => CustomerIds.Count;
    }
}
