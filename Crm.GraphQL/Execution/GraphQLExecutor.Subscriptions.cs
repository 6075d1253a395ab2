using System.Runtime.CompilerServices;
using Crm.GraphQL.Language;
using Crm.GraphQL.Types;

namespace Crm.GraphQL.Execution;

public sealed partial class GraphQLExecutor
{
    /// <inheritdoc />
    public async IAsyncEnumerable<ExecutionResult> SubscribeAsync(GraphQLRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!TryPrepare(request, out var prepared, out var failure))
        {
            yield return failure;
            yield break;
        }
        if (prepared.Plan.Operation.Operation != OperationType.Subscription)
        {
            yield return await ExecuteAsync(request, cancellationToken);
            yield break;
        }
        var (stream, error) = await CreateSourceEventStreamAsync(prepared, request, cancellationToken);
        if (stream is null)
        {
            yield return error!;
            yield break;
        }
        var events = stream.GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                var (hasEvent, item, streamError) = await NextEventAsync(events, prepared, cancellationToken);
                if (streamError is not null)
                {
                    yield return streamError;
                    yield break;
                }
                if (!hasEvent)
                {
                    yield break;
                }
                // MapSourceToResponseEvent: each event runs the selection set with the event as root value.
                var execution = new OperationExecution(prepared.Plan, request, prepared.Variables, cancellationToken) { IsSubscriptionEvent = true };
                yield return await execution.ExecuteAsync(item, serial: false);
            }
        }
        finally
        {
            await events.DisposeAsync();
        }
    }

    /// <summary>CreateSourceEventStream of the specification: the subscription root field's stream.</summary>
    private static async Task<(IAsyncEnumerable<object?>? Stream, ExecutionResult? Error)> CreateSourceEventStreamAsync(PreparedRequest prepared, GraphQLRequest request, CancellationToken cancellationToken)
    {
        var rootPlan = prepared.Plan.GetRootPlan(prepared.Variables);
        if (rootPlan.Fields.Length != 1)
        {
            return (null, ExecutionResult.FromErrors(GraphQLError.WithCode(
                "A subscription must select exactly one top-level field.",
                ErrorCodes.OperationNotSupported,
                Locate(prepared.Plan.Operation))));
        }
        var field = rootPlan.Fields[0];
        var path = new object[] { field.ResponseName };
        if (field.Field.Subscriber is not { } subscriber)
        {
            return (null, ExecutionResult.FromErrors(GraphQLError.WithCode(
                $"Subscription field \"{field.ParentType.Name}.{field.Field.Name}\" has no source stream.",
                ErrorCodes.OperationNotSupported,
                field.Locations,
                path)));
        }
        IReadOnlyDictionary<string, object?> arguments;
        try
        {
            arguments = field.StaticArguments ?? ArgumentCoercion.Coerce(field.Field, field.Nodes[0].Arguments, prepared.Variables);
        }
        catch (CoercionException ex)
        {
            return (null, ExecutionResult.FromErrors(GraphQLError.WithCode(ex.Message, ErrorCodes.BadUserInput, field.Locations, path)));
        }
        var execution = new OperationExecution(prepared.Plan, request, prepared.Variables, cancellationToken);
        var context = new ResolverContext(execution, field, new ResultMap(rootPlan, null, -1), 0, request.RootValue, arguments);
        try
        {
            return (await subscriber(context), null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return (null, ExecutionResult.FromErrors(execution.ToError(ex, field.Locations, path)));
        }
    }

    private static async Task<(bool HasEvent, object? Event, ExecutionResult? Error)> NextEventAsync(IAsyncEnumerator<object?> events, PreparedRequest prepared, CancellationToken cancellationToken)
    {
        try
        {
            return await events.MoveNextAsync() ? (true, events.Current, null) : (false, null, null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return (false, null, null);
        }
        catch (Exception ex)
        {
            var message = ex is GraphQLException ? ex.Message : OperationExecution.MaskedMessage;
            var code = (ex as GraphQLException)?.Code ?? ErrorCodes.InternalServerError;
            return (false, null, ExecutionResult.FromErrors(GraphQLError.WithCode(message, code, Locate(prepared.Plan.Operation))));
        }
    }
}
