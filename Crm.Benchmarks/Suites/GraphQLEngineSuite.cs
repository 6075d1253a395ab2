using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Crm.Benchmarks.GraphQL;
using Crm.Benchmarks.Harness;
using Crm.GraphQL.Execution;
using Perfolizer.Horology;

namespace Crm.Benchmarks.Suites;

/// <summary>
/// Parse, validate and execute times of the customer document against in-memory resolvers, cached
/// and uncached, and the execution overhead per resolved field, measured with BenchmarkDotNet in
/// this process (a short job, so the suite takes a minute or two).
/// </summary>
internal sealed class GraphQLEngineSuite : ISuite
{
    private const double CachedGoalMicroseconds = 5;
    private const double PerFieldGoalMicroseconds = 1;

    public string Name => "graphql-engine";

    public string Description => "parse/validate/execute of the customer document and execution per field (BenchmarkDotNet, in-memory resolvers)";

    public async Task RunAsync(BenchOptions options)
    {
        var report = new Report(Name);
        await AddFiguresAsync(report, options.OutputDirectory);
        await report.WriteAsync(options.OutputDirectory);
    }

    /// <summary>
    /// Runs the benchmarks and adds their rows (and context) to <paramref name="report"/>; the
    /// <c>graphql</c> suite puts them beside its figures over HTTP.
    /// </summary>
    public static async Task AddFiguresAsync(Report report, string outputDirectory)
    {
        // The documents must do what the figures claim before they are timed.
        var fixture = new EngineFixture();
        await ExpectData(fixture.Executor, fixture.CustomerRequest, "customer");
        var wideFields = EngineFixture.CountResolvedFields((await ExpectData(fixture.Executor, fixture.WideRequest, "rows")).Data);
        var deepFields = EngineFixture.CountResolvedFields((await ExpectData(fixture.Executor, fixture.DeepRequest, "deep")).Data);

        // Short, so the suite stays within a couple of minutes; warm-up until stable (at least six
        // iterations: on a busy machine tiered compilation finishes late) and the median of five
        // iterations, so one iteration disturbed by the rest of a shared machine does not move the figure.
        var job = Job.Default
            .WithLaunchCount(1)
            .WithMinWarmupCount(6)
            .WithMaxWarmupCount(20)
            .WithIterationCount(5)
            .WithIterationTime(TimeInterval.FromMilliseconds(250))
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithId("short-in-process");
        var config = ManualConfig.CreateMinimumViable()
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .WithArtifactsPath(Path.Combine(outputDirectory, "graphql-engine-bdn"));
        var summary = BenchmarkRunner.Run<GraphQLEngineBenchmarks>(config);
        var results = Results(summary);

        report.Context("benchmarkDotNet", new
        {
            job = "in-process emit toolchain: 1 launch, 6 to 20 warm-up iterations (until stable) and 5 measured iterations of about 250 ms; median time per operation",
            host = summary.HostEnvironmentInfo.BenchmarkDotNetVersion,
        });
        report.Context("documents", new
        {
            customer = EngineFixture.CustomerQuery,
            wide = $"{EngineFixture.WideRows} objects of 10 scalars, a child of 5 and a grandchild of 2; {wideFields} resolved fields",
            deep = $"{EngineFixture.DeepLevels} nested objects of 2 scalars; {deepFields} resolved fields",
        });

        report.Add("parse, uncached", Micro(results, nameof(GraphQLEngineBenchmarks.ParseUncached)), "µs", note: Allocated(results, nameof(GraphQLEngineBenchmarks.ParseUncached)));
        report.Add("validate, uncached", Micro(results, nameof(GraphQLEngineBenchmarks.ValidateUncached)), "µs", note: Allocated(results, nameof(GraphQLEngineBenchmarks.ValidateUncached)));
        report.Add("parse + validate, uncached", Micro(results, nameof(GraphQLEngineBenchmarks.ParseAndValidateUncached)), "µs", note: Allocated(results, nameof(GraphQLEngineBenchmarks.ParseAndValidateUncached)));

        var cached = Micro(results, nameof(GraphQLEngineBenchmarks.ParseAndValidateCached));
        report.Add(
            "parse + validate, cached (executor's document cache)",
            cached,
            "µs",
            Micro(results, nameof(GraphQLEngineBenchmarks.TextKeyedLookupFloor)),
            goal: $"≤ {CachedGoalMicroseconds} µs",
            goalMet: cached <= CachedGoalMicroseconds,
            note: "floor: a text-keyed ConcurrentDictionary lookup of the same document; " + Allocated(results, nameof(GraphQLEngineBenchmarks.ParseAndValidateCached)));
        report.Add("execute customer document, cached", Micro(results, nameof(GraphQLEngineBenchmarks.ExecuteCustomerCached)), "µs", note: Allocated(results, nameof(GraphQLEngineBenchmarks.ExecuteCustomerCached)));
        report.Add("execute customer document + write JSON", Micro(results, nameof(GraphQLEngineBenchmarks.ExecuteCustomerAndWriteJson)), "µs", note: Allocated(results, nameof(GraphQLEngineBenchmarks.ExecuteCustomerAndWriteJson)));

        foreach (var (label, method, floor, fields) in new[]
        {
            ("wide", nameof(GraphQLEngineBenchmarks.ExecuteWide), nameof(GraphQLEngineBenchmarks.WideFloor), wideFields),
            ("deep", nameof(GraphQLEngineBenchmarks.ExecuteDeep), nameof(GraphQLEngineBenchmarks.DeepFloor), deepFields),
        })
        {
            var perField = Micro(results, method) / fields;
            report.Add(
                $"execution per field, {label} document ({fields} fields)",
                perField,
                "µs/field",
                Micro(results, floor) / fields,
                goal: $"≤ {PerFieldGoalMicroseconds} µs/field",
                goalMet: perField <= PerFieldGoalMicroseconds,
                note: string.Create(CultureInfo.InvariantCulture, $"whole request {Micro(results, method):0.0} µs; floor: the same resolvers called directly; ") + Allocated(results, method));
        }
    }

    private static async Task<ExecutionResult> ExpectData(GraphQLExecutor executor, GraphQLRequest request, string root)
    {
        var result = await executor.ExecuteAsync(request);
        if (result.Errors.Count > 0 || result.Data is null || !result.Data.TryGetValue(root, out var value) || value is null)
        {
            throw new InvalidOperationException($"The benchmark document did not execute cleanly: {result.ToJson()}");
        }
        return result;
    }

    private static Dictionary<string, BenchmarkReport> Results(Summary summary)
    {
        if (summary.HasCriticalValidationErrors)
        {
            throw new InvalidOperationException("BenchmarkDotNet refused the benchmarks: " + string.Join("; ", summary.ValidationErrors.Select(e => e.Message)));
        }
        var results = summary.Reports.ToDictionary(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name, StringComparer.Ordinal);
        var failed = typeof(GraphQLEngineBenchmarks).GetMethods()
            .Where(m => m.GetCustomAttributes(typeof(BenchmarkDotNet.Attributes.BenchmarkAttribute), false).Length > 0)
            .Select(m => m.Name)
            .Where(name => !results.TryGetValue(name, out var r) || r.ResultStatistics is null)
            .ToArray();
        if (failed.Length > 0)
        {
            throw new InvalidOperationException($"BenchmarkDotNet produced no result for {string.Join(", ", failed)}; see its log above.");
        }
        return results;
    }

    private static double Micro(Dictionary<string, BenchmarkReport> results, string method) => results[method].ResultStatistics!.Median / 1000.0;

    private static string Allocated(Dictionary<string, BenchmarkReport> results, string method)
    {
        var report = results[method];
        var bytes = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase);
        return bytes is { } b ? string.Create(CultureInfo.InvariantCulture, $"{b:#,0} B allocated") : "allocation unknown";
    }
}
