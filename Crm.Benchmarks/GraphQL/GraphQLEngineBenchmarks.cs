using System.Diagnostics.CodeAnalysis;
using BenchmarkDotNet.Attributes;
using Crm.GraphQL;
using Crm.GraphQL.Execution;
using Crm.GraphQL.Language;
using Crm.GraphQL.Validation;

namespace Crm.Benchmarks.GraphQL;

/// <summary>
/// The GraphQL engine's own costs, without HTTP: parse, validate and execute of the customer
/// document, cached and uncached, and the execution cost per resolved field, each beside a floor.
/// </summary>
[SuppressMessage("Performance", "CA1515:Consider making public types internal", Justification = "BenchmarkDotNet runs only public benchmark classes.")]
public class GraphQLEngineBenchmarks
{
    private const int PrimingRounds = 1000;

    private EngineFixture _fixture = null!;
    private DocumentNode _customerDocument = null!;

    [GlobalSetup]
    public void Setup()
    {
        _fixture = new EngineFixture();
        _customerDocument = Parser.Parse(_fixture.CustomerText);
        // Run every path before BenchmarkDotNet's pilot stage sizes the iterations: on a busy
        // machine tiered compilation lags, and a pilot on unoptimized code picks iterations too
        // short to measure well. This also fills the document cache, so cached runs measure hits.
        for (var i = 0; i < PrimingRounds; i++)
        {
            DocumentValidator.Validate(_fixture.Schema, Parser.Parse(_fixture.CustomerText));
            _fixture.Executor.GetOperationType(_fixture.CustomerText, null);
            _fixture.Executor.ExecuteAsync(_fixture.CustomerRequest).GetAwaiter().GetResult().ToUtf8Json();
            _fixture.Executor.ExecuteAsync(_fixture.DeepRequest).GetAwaiter().GetResult();
            _fixture.ResolveDeepDirectly();
            if (i % 10 == 0)
            {
                _fixture.Executor.ExecuteAsync(_fixture.WideRequest).GetAwaiter().GetResult();
                _fixture.ResolveWideDirectly();
            }
        }
    }

    [Benchmark]
    public DocumentNode ParseUncached() => Parser.Parse(_fixture.CustomerText);

    [Benchmark]
    public IReadOnlyList<GraphQLError> ValidateUncached() => DocumentValidator.Validate(_fixture.Schema, _customerDocument);

    [Benchmark]
    public IReadOnlyList<GraphQLError> ParseAndValidateUncached() => DocumentValidator.Validate(_fixture.Schema, Parser.Parse(_fixture.CustomerText));

    /// <summary>The executor's document cache: what a request pays for parse and validate once the text is known.</summary>
    [Benchmark]
    public OperationType? ParseAndValidateCached() => _fixture.Executor.GetOperationType(_fixture.CustomerText, null);

    [Benchmark]
    public bool TextKeyedLookupFloor() => _fixture.Documents.TryGetValue(_fixture.CustomerText, out _);

    [Benchmark]
    public Task<ExecutionResult> ExecuteCustomerCached() => _fixture.Executor.ExecuteAsync(_fixture.CustomerRequest);

    [Benchmark]
    public async Task<int> ExecuteCustomerAndWriteJson() => (await _fixture.Executor.ExecuteAsync(_fixture.CustomerRequest)).ToUtf8Json().Length;

    [Benchmark]
    public Task<ExecutionResult> ExecuteWide() => _fixture.Executor.ExecuteAsync(_fixture.WideRequest);

    [Benchmark]
    public object?[] WideFloor() => _fixture.ResolveWideDirectly();

    [Benchmark]
    public Task<ExecutionResult> ExecuteDeep() => _fixture.Executor.ExecuteAsync(_fixture.DeepRequest);

    [Benchmark]
    public object?[] DeepFloor() => _fixture.ResolveDeepDirectly();
}
