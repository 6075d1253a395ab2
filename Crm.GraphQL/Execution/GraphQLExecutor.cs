using Crm.GraphQL.Language;
using Crm.GraphQL.Types;
using Crm.GraphQL.Validation;

namespace Crm.GraphQL.Execution;

/// <summary>
/// Executes requests against a schema: document cache (parse and validate once per text),
/// operation selection, variable coercion, depth limit, then execution with timeout. Thread-safe;
/// create one per schema and share it.
/// </summary>
public sealed partial class GraphQLExecutor : IRequestExecutor
{
    private readonly DocumentCache _documents;

    /// <summary>Creates an executor for <paramref name="schema"/>.</summary>
    public GraphQLExecutor(Schema schema, ExecutorOptions? options = null)
        : this(schema, options, static (schema, document) => DocumentValidator.Validate(schema, document))
    {
    }

    internal GraphQLExecutor(Schema schema, ExecutorOptions? options, Func<Schema, DocumentNode, IReadOnlyList<GraphQLError>> validate)
    {
        ArgumentNullException.ThrowIfNull(schema);
        Schema = schema;
        Options = options ?? ExecutorOptions.Default;
        _documents = new DocumentCache(schema, Options, validate);
    }

    /// <inheritdoc />
    public Schema Schema { get; }

    /// <inheritdoc />
    public ExecutorOptions Options { get; }

    /// <summary>How many documents have been parsed and validated (cache misses) so far.</summary>
    public int DocumentParseCount => _documents.ParseCount;

    /// <inheritdoc />
    public Task<ExecutionResult> ExecuteAsync(GraphQLRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        if (!TryPrepare(request, out var prepared, out var failure))
        {
            return Task.FromResult(failure);
        }
        if (prepared.Plan.Operation.Operation == OperationType.Subscription)
        {
            return Task.FromResult(ExecutionResult.FromErrors(GraphQLError.WithCode(
                "Subscription operations cannot be executed with a single response; subscribe to them instead.",
                ErrorCodes.OperationNotSupported,
                Locate(prepared.Plan.Operation))));
        }
        var execution = new OperationExecution(prepared.Plan, request, prepared.Variables, cancellationToken);
        return execution.ExecuteAsync(request.RootValue, serial: prepared.Plan.Operation.Operation == OperationType.Mutation);
    }

    /// <inheritdoc />
    public OperationType? GetOperationType(string query, string? operationName)
    {
        ArgumentNullException.ThrowIfNull(query);
        var document = _documents.Get(query);
        return document.Errors is null && SelectOperation(document, operationName, out var operation) is null
            ? operation!.Operation
            : null;
    }

    private readonly record struct PreparedRequest(OperationPlan Plan, IReadOnlyDictionary<string, object?> Variables);

    /// <summary>Everything before execution: document, operation, root type, depth and variables.</summary>
    private bool TryPrepare(GraphQLRequest request, out PreparedRequest prepared, out ExecutionResult failure)
    {
        prepared = default;
        failure = null!;
        if (string.IsNullOrWhiteSpace(request.Query))
        {
            failure = ExecutionResult.FromErrors(GraphQLError.WithCode("Must provide query string.", ErrorCodes.ParseFailed));
            return false;
        }
        var document = _documents.Get(request.Query);
        if (document.Errors is not null)
        {
            failure = ExecutionResult.FromErrors(document.Errors);
            return false;
        }
        if (SelectOperation(document, request.OperationName, out var operation) is { } selectionError)
        {
            failure = ExecutionResult.FromErrors(selectionError);
            return false;
        }
        var rootType = Schema.GetRootType(operation!.Operation);
        if (rootType is null)
        {
            failure = ExecutionResult.FromErrors(GraphQLError.WithCode(
                $"Schema is not configured to execute {operation.Operation.ToString().ToLowerInvariant()} operation.",
                ErrorCodes.OperationNotSupported,
                Locate(operation)));
            return false;
        }
        var plan = document.GetPlan(Schema, operation, rootType, Options);
        if (Options.MaxExecutionDepth is { } maxDepth && plan.Depth > maxDepth)
        {
            failure = ExecutionResult.FromErrors(GraphQLError.WithCode(
                $"The operation has a depth of {plan.Depth}, which exceeds the allowed maximum of {maxDepth}.",
                ErrorCodes.MaxDepthExceeded,
                Locate(operation)));
            return false;
        }
        var errors = new List<GraphQLError>();
        var variables = VariableCoercion.Coerce(Schema, operation, request.Variables, errors);
        if (errors.Count > 0)
        {
            failure = ExecutionResult.FromErrors(errors);
            return false;
        }
        prepared = new PreparedRequest(plan, variables);
        return true;
    }

    private static GraphQLError? SelectOperation(CachedDocument document, string? operationName, out OperationDefinitionNode? operation)
    {
        operation = null;
        if (string.IsNullOrEmpty(operationName))
        {
            if (document.Operations.Length == 1)
            {
                operation = document.Operations[0];
                return null;
            }
            return GraphQLError.WithCode(
                document.Operations.Length == 0 ? "Must provide an operation." : "Must provide operation name if query contains multiple operations.",
                ErrorCodes.OperationResolutionFailure);
        }
        foreach (var candidate in document.Operations)
        {
            if (candidate.Name?.Value == operationName)
            {
                operation = candidate;
                return null;
            }
        }
        return GraphQLError.WithCode($"Unknown operation named \"{operationName}\".", ErrorCodes.OperationResolutionFailure);
    }

    private static ErrorLocation[]? Locate(OperationDefinitionNode operation) =>
        operation.Location is { } location ? [new ErrorLocation(location.Line, location.Column)] : null;
}
