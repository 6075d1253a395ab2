using System.Security.Claims;
using Crm.GraphQL.Language;
using Crm.GraphQL.Types;

namespace Crm.GraphQL.Execution;

/// <summary>The executor's <see cref="IResolverContext"/>, one per resolver call.</summary>
internal sealed class ResolverContext(
    OperationExecution execution,
    FieldPlan plan,
    ResultNode parent,
    int index,
    object? source,
    IReadOnlyDictionary<string, object?> arguments) : IResolverContext
{
    public OperationExecution Execution { get; } = execution;

    public object? Source { get; } = source;

    public IReadOnlyDictionary<string, object?> Arguments { get; } = arguments;

    public FieldDefinition Field => plan.Field;

    public ObjectType ParentType => plan.ParentType;

    public Schema Schema => Execution.Schema;

    public IReadOnlyList<FieldNode> FieldNodes => plan.Nodes;

    public OperationDefinitionNode Operation => Execution.Plan.Operation;

    public IReadOnlyDictionary<string, object?> Variables => Execution.Variables;

    public IReadOnlyList<object> Path => parent.PathTo(index);

    public IServiceProvider? Services => Execution.Request.Services;

    public ClaimsPrincipal? User => Execution.Request.User;

    public IDictionary<string, object?> ContextData => Execution.ContextData;

    public CancellationToken CancellationToken => Execution.CancellationToken;

    public void ReportError(string message, string? code = null) =>
        Execution.AddError(code is null
            ? new GraphQLError(message, plan.Locations, Path)
            : GraphQLError.WithCode(message, code, plan.Locations, Path));
}
