using Crm.GraphQL.Types;

namespace Crm.GraphQL.Execution;

/// <summary>Executes GraphQL requests against one schema; the entry point for transports.</summary>
public interface IRequestExecutor
{
    /// <summary>The schema requests run against.</summary>
    Schema Schema { get; }

    /// <summary>The executor's settings.</summary>
    ExecutorOptions Options { get; }

    /// <summary>
    /// Runs a query or mutation. Never throws for bad requests or failing resolvers: those come
    /// back as errors in the result. Throws <see cref="OperationCanceledException"/> only when
    /// <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    Task<ExecutionResult> ExecuteAsync(GraphQLRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs a subscription: one result per event of the source stream, until the stream ends or
    /// <paramref name="cancellationToken"/> is cancelled. A request that cannot start (syntax,
    /// validation or variable errors, or a failing source stream) yields a single result without
    /// data (<see cref="ExecutionResult.HasData"/> is false). A query or mutation yields its one result.
    /// </summary>
    IAsyncEnumerable<ExecutionResult> SubscribeAsync(GraphQLRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Parses and validates a document (through the document cache) and tells which operation
    /// type it would run; lets a transport refuse, say, mutations over GET before executing.
    /// Returns <see langword="null"/> when the document is invalid or the operation cannot be chosen.
    /// </summary>
    Language.OperationType? GetOperationType(string query, string? operationName);
}
