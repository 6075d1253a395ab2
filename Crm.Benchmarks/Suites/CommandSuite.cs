using System.Globalization;
using System.Text.Json;
using Crm.Api.Application;
using Crm.Api.Auth;
using Crm.Api.GraphQL;
using Crm.Benchmarks.Harness;

namespace Crm.Benchmarks.Suites;

/// <summary>
/// <c>logInteraction</c> mutations end to end over HTTP — Kestrel, JWT auth, GraphQL, the customer
/// decider, the append, the inline projections — against the service in a child process, at 8 and
/// 32 concurrent clients, each client on customers of its own (no write conflicts). Beside each: the
/// single-row INSERT ceiling and the trivial authenticated request (<c>{ __typename }</c>) at the
/// same concurrency, so the ratios say whether the time goes to the database or to the service.
/// </summary>
internal sealed class CommandSuite : ISuite
{
    private const int CustomersPerClient = 4;
    private const string LogInteraction =
        "mutation Log($input: LogInteractionInput!) { logInteraction(input: $input) { errors { code message } interactionId } }";
    private const string RegisterCustomer =
        "mutation Register($input: RegisterCustomerInput!) { registerCustomer(input: $input) { errors { code message } customer { id } } }";
    private const string InteractionLoggedType = "customer.interaction_logged";
    private static readonly int[] Concurrency = [8, 32];

    public string Name => "command";

    public string Description => "logInteraction mutations/s over HTTP at 8 and 32 clients beside the INSERT ceiling and the HTTP floor";

    public async Task RunAsync(BenchOptions options)
    {
        await using var database = await BenchDatabase.CreateAsync(options);
        var report = new Report(Name);
        report.Context("postgres", await database.SettingsAsync());
        var clients = Concurrency.Max();

        await using var service = await CrmServiceProcess.StartAsync(database);
        Console.Error.WriteLine($"service listening on {service.BaseAddress}");
        var token = service.Tokens.Issue(Guid.CreateVersion7(), "Benchmark Agent", ActorRoles.Agent, TimeSpan.FromHours(4), DateTimeOffset.UtcNow);
        using var client = new GraphQLHttpClient(service.BaseAddress, token, clients);
        await client.ExpectSuccessAsync("{ __typename }", _ => HttpLoad.FloorBody, check: HttpLoad.IsFloorAnswer);

        // Each client logs contacts with customers of its own, registered first through the API.
        var customers = await RegisterCustomersAsync(client, clients * CustomersPerClient);
        var workloads = Enumerable.Range(0, clients).Select(w => new InteractionWorkload(seed: w)).ToArray();
        byte[] MutationBody(int worker, long i) => GraphQLHttpClient.Body(LogInteraction, new
        {
            input = workloads[worker].LogInteractionInput(customers[(worker * CustomersPerClient) + (int)(i % CustomersPerClient)]),
        });
        await client.ExpectSuccessAsync("logInteraction", i => MutationBody(0, i), check: Accepted);
        long logged = 3;

        // Warm-up, not measured: JIT and tiering on both sides, connections, the service's pool.
        var warmUp = TimeSpan.FromSeconds(Math.Min(3, options.Duration.TotalSeconds));
        await HttpLoad.MeasureAsync(database, service, client, clients, warmUp, (_, _) => HttpLoad.FloorBody, HttpLoad.IsFloorAnswer, maxPerWorker: 500);
        logged += (await HttpLoad.MeasureAsync(database, service, client, clients, warmUp, MutationBody, Accepted, maxPerWorker: 50)).Load.Operations;
        var row = workloads[0].CeilingRow();
        await Ceilings.SingleRowInsertsAsync(database.DataSource, clients, warmUp, row, maxPerWorker: 50);

        var linesBefore = service.OutputLines;
        long failures = 0;
        foreach (var n in Concurrency)
        {
            // Ceiling, floor and mutations one after the other: all three see the same moment of a shared machine.
            var (ceiling, ceilingWaits) = await WaitSampler.SampleAsync(database.DataSource, () => Ceilings.SingleRowInsertsAsync(database.DataSource, n, options.Duration, row));
            var floor = await HttpLoad.MeasureAsync(database, service, client, n, options.Duration, (_, _) => HttpLoad.FloorBody, HttpLoad.IsFloorAnswer);
            var mutations = await HttpLoad.MeasureAsync(database, service, client, n, options.Duration, MutationBody, Accepted);
            logged += mutations.Load.Operations;
            failures += floor.Load.Failures + mutations.Load.Failures;
            report.Add(
                $"logInteraction, {n} clients",
                mutations.Load.PerSecond,
                "mutations/s",
                ceiling.PerSecond,
                note: string.Create(CultureInfo.InvariantCulture, $"ceiling: single-row INSERTs at {n} writers (p50 {ceiling.P50Ms:0.00} / p99 {ceiling.P99Ms:0.00} ms, {ceilingWaits}); ")
                    + string.Create(CultureInfo.InvariantCulture, $"{mutations.Load.PerSecond / floor.Load.PerSecond:0.000} × the HTTP floor; ")
                    + mutations.Describe());
            report.Add(
                $"HTTP floor {{ __typename }}, {n} clients",
                floor.Load.PerSecond,
                "requests/s",
                note: floor.Describe());
        }
        var linesDuring = service.OutputLines - linesBefore;

        await VerifyAsync(database, logged);
        report.Context("run", new
        {
            seconds = options.Duration.TotalSeconds,
            concurrency = Concurrency,
            customersPerClient = CustomersPerClient,
            hosting = "Crm.Api in a child process (production settings) on Kestrel at 127.0.0.1, HTTP/1.1 keep-alive, one connection per client, JWT bearer (Agent)",
            mutation = LogInteraction,
            failedRequests = failures,
            firstFailure = client.FirstFailure,
            serviceLogLinesDuringMeasurement = linesDuring,
        });
        if (failures > 0)
        {
            Console.Error.WriteLine($"{failures} requests failed; the first: {client.FirstFailure}");
        }
        await report.WriteAsync(options.OutputDirectory);
    }

    /// <summary>A logInteraction payload without domain errors.</summary>
    private static bool Accepted(JsonElement data) =>
        data.TryGetProperty("logInteraction", out var payload)
        && payload.TryGetProperty("errors", out var errors) && errors.GetArrayLength() == 0
        && payload.TryGetProperty("interactionId", out var id) && id.ValueKind == JsonValueKind.String;

    private static bool Registered(JsonElement data) =>
        data.TryGetProperty("registerCustomer", out var payload)
        && payload.TryGetProperty("errors", out var errors) && errors.GetArrayLength() == 0
        && payload.TryGetProperty("customer", out var customer) && customer.ValueKind == JsonValueKind.Object;

    /// <summary>Registers <paramref name="count"/> customers through the API; their global ids.</summary>
    private static async Task<string[]> RegisterCustomersAsync(GraphQLHttpClient client, int count)
    {
        var ids = Enumerable.Range(0, count).Select(_ => Guid.CreateVersion7()).ToArray();
        byte[] Body(int i) => GraphQLHttpClient.Body(RegisterCustomer, new { input = InteractionWorkload.RegisterCustomerInput(ids[i]) });
        await client.ExpectSuccessAsync("registerCustomer", Body, count: 1, check: Registered);
        var failed = 0;
        await Parallel.ForEachAsync(Enumerable.Range(1, count - 1), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            if (!await client.SendAsync(Body(i), Registered))
            {
                Interlocked.Increment(ref failed);
            }
        });
        if (failed > 0)
        {
            throw new InvalidOperationException($"{failed} of {count} customers could not be registered: {client.FirstFailure}");
        }
        return [.. ids.Select(id => GlobalIds.Encode(NodeKind.Customer, id))];
    }

    /// <summary>The store must hold exactly the contacts whose mutations succeeded.</summary>
    private static async Task VerifyAsync(BenchDatabase database, long expected)
    {
        await using var command = database.DataSource.CreateCommand($"SELECT count(*) FROM \"{ApplicationSetup.DefaultStoreSchema}\".events WHERE type_name = $1");
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = InteractionLoggedType });
        var stored = (long)(await command.ExecuteScalarAsync())!;
        if (stored != expected)
        {
            throw new InvalidOperationException($"The store holds {stored} logged contacts but {expected} logInteraction mutations succeeded.");
        }
    }
}
