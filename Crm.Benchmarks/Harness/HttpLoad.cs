using System.Globalization;
using System.Text.Json;

namespace Crm.Benchmarks.Harness;

/// <summary>What a load over HTTP achieved, with where its CPU time went and what the database sessions waited on.</summary>
internal sealed record HttpFigures(LoadResult Load, TimeSpan ServerCpu, TimeSpan ClientCpu, TimeSpan? DatabaseCpu, string Waits)
{
    /// <summary>Server CPU per successful request, in µs.</summary>
    public double ServerMicrosPerRequest => ServerCpu.TotalMicroseconds / Math.Max(1, Load.Operations);

    /// <summary>Client CPU per successful request, in µs.</summary>
    public double ClientMicrosPerRequest => ClientCpu.TotalMicroseconds / Math.Max(1, Load.Operations);

    /// <summary>The database's CPU per successful request, in µs; null when unknown.</summary>
    public double? DatabaseMicrosPerRequest => DatabaseCpu?.TotalMicroseconds / Math.Max(1, Load.Operations);

    /// <summary>latencies, failures, CPU per request on each side and the waits, for a report's note.</summary>
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"p50 {Load.P50Ms:0.00} / p99 {Load.P99Ms:0.00} ms; {Load.Failures} failed; server CPU {ServerMicrosPerRequest:0} µs/req ({ServerCpu.TotalSeconds / Load.Elapsed.TotalSeconds:0.00} cores), client CPU {ClientMicrosPerRequest:0} µs/req, database CPU {(DatabaseMicrosPerRequest is { } d ? d.ToString("0", CultureInfo.InvariantCulture) + " µs/req" : "n/a")}; {Waits}");
}

/// <summary>Concurrent GraphQL requests to the service from N workers, each on a keep-alive connection of its own.</summary>
internal static class HttpLoad
{
    public static async Task<HttpFigures> MeasureAsync(
        BenchDatabase database,
        CrmServiceProcess service,
        GraphQLHttpClient client,
        int workers,
        TimeSpan duration,
        Func<int, long, byte[]> body,
        Func<JsonElement, bool>? check = null,
        long maxPerWorker = long.MaxValue)
    {
        var serverBefore = service.Cpu;
        var databaseBefore = Harness.DatabaseCpu.Read(database.ClusterDataDirectory);
        var ((result, clientCpu), waits) = await WaitSampler.SampleAsync(
            database.DataSource,
            () => ClientCpu.MeasureAsync(() => Load.RunAsync(workers, duration, maxPerWorker, (worker, i) => client.SendAsync(body(worker, i), check))));
        var serverCpu = service.Cpu - serverBefore;
        var databaseCpu = Harness.DatabaseCpu.Read(database.ClusterDataDirectory) - databaseBefore;
        return new HttpFigures(result, serverCpu, clientCpu, databaseCpu, waits);
    }

    /// <summary>The trivial authenticated request: the whole HTTP, auth and GraphQL pipeline, no resolver work, no database.</summary>
    public static byte[] FloorBody { get; } = GraphQLHttpClient.Body("{ __typename }");

    /// <summary>Checks the floor's answer.</summary>
    public static bool IsFloorAnswer(JsonElement data) =>
        data.TryGetProperty("__typename", out var name) && name.ValueKind == JsonValueKind.String;
}
