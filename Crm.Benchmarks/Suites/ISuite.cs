using Crm.Benchmarks.Harness;

namespace Crm.Benchmarks.Suites;

/// <summary>One named measurement: prints a table and writes a JSON file of its figures.</summary>
internal interface ISuite
{
    string Name { get; }

    string Description { get; }

    Task RunAsync(BenchOptions options);
}
