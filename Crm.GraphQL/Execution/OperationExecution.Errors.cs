using Crm.GraphQL.Types;

namespace Crm.GraphQL.Execution;

internal sealed partial class OperationExecution
{
    internal const string MaskedMessage = "Unexpected Execution Error";

    private static readonly IReadOnlyDictionary<string, object?> EmptyArguments = new Dictionary<string, object?>();

    public void AddError(GraphQLError error)
    {
        lock (_errors)
        {
            _errors.Add(error);
        }
    }

    private GraphQLError[] SnapshotErrors()
    {
        lock (_errors)
        {
            return _errors.Count == 0 ? [] : [.. _errors];
        }
    }

    /// <summary>Cancellation of the request itself is not a field error: it ends the whole execution.</summary>
    private bool IsFieldError(Exception ex) => ex is not OperationCanceledException || !CancellationToken.IsCancellationRequested;

    private void RaiseFieldError(ResultNode parent, int index, FieldPlan plan, string message, string code)
    {
        AddError(GraphQLError.WithCode(message, code, plan.Locations, parent.PathTo(index)));
        NullSlot(parent, index);
    }

    private void RaiseFieldError(ResultNode parent, int index, FieldPlan plan, Exception exception)
    {
        AddError(ToError(exception, plan.Locations, parent.PathTo(index)));
        NullSlot(parent, index);
    }

    /// <summary>
    /// Sets the slot to null, or, when the slot is non-null, nulls its parent in turn, up to the
    /// nearest nullable slot (or the whole <c>data</c>).
    /// </summary>
    private static void NullSlot(ResultNode node, int index)
    {
        while (true)
        {
            if (!node.IsSlotNonNull(index))
            {
                node.Set(index, null);
                return;
            }
            node.IsNulled = true;
            if (node.Parent is null)
            {
                return;
            }
            index = node.ParentIndex;
            node = node.Parent;
        }
    }

    public GraphQLError ToError(Exception exception, IReadOnlyList<ErrorLocation>? locations, IReadOnlyList<object>? path)
    {
        while (exception is AggregateException { InnerExceptions.Count: 1 } aggregate)
        {
            exception = aggregate.InnerExceptions[0];
        }
        switch (exception)
        {
            case GraphQLException graphQL:
            {
                Dictionary<string, object?>? extensions = null;
                if (graphQL.Code is not null || graphQL.Extensions is { Count: > 0 })
                {
                    extensions = new Dictionary<string, object?>(StringComparer.Ordinal);
                    if (graphQL.Extensions is not null)
                    {
                        foreach (var (key, value) in graphQL.Extensions)
                        {
                            extensions[key] = value;
                        }
                    }
                    if (graphQL.Code is not null)
                    {
                        extensions["code"] = graphQL.Code;
                    }
                }
                return new GraphQLError(graphQL.Message, locations, path, extensions);
            }
            case CoercionException coercion:
                return GraphQLError.WithCode(coercion.Message, ErrorCodes.BadUserInput, locations, path);
            default:
            {
                var extensions = new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = ErrorCodes.InternalServerError };
                if (Options.IncludeExceptionDetails)
                {
                    extensions["exception"] = new Dictionary<string, object?>(StringComparer.Ordinal)
                    {
                        ["type"] = exception.GetType().FullName,
                        ["message"] = exception.Message,
                        ["stackTrace"] = exception.StackTrace,
                    };
                }
                var error = new GraphQLError(MaskedMessage, locations, path, extensions);
                Options.OnUnexpectedError?.Invoke(exception, error);
                return error;
            }
        }
    }
}
