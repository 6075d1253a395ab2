namespace Crm.Benchmarks.Harness;

/// <summary>What a suite run was asked for on the command line.</summary>
internal sealed record BenchOptions(string Suite, long? Scale, string? ConnectionString, TimeSpan Duration, string OutputDirectory);
