using System.Security.Claims;
using Crm.GraphQL.Language;

namespace Crm.GraphQL.Types;

/// <summary>What a resolver knows about the field it resolves and the request it belongs to.</summary>
public interface IResolverContext
{
    /// <summary>The parent value: the object whose field is being resolved (the root value at the top).</summary>
    object? Source { get; }

    /// <summary>The coerced argument values; arguments neither given nor defaulted are absent.</summary>
    IReadOnlyDictionary<string, object?> Arguments { get; }

    /// <summary>The field being resolved.</summary>
    FieldDefinition Field { get; }

    /// <summary>The object type the field belongs to.</summary>
    ObjectType ParentType { get; }

    /// <summary>The schema being executed.</summary>
    Schema Schema { get; }

    /// <summary>The field's nodes in the document (several when the same response key is selected more than once).</summary>
    IReadOnlyList<FieldNode> FieldNodes { get; }

    /// <summary>The operation being executed.</summary>
    OperationDefinitionNode Operation { get; }

    /// <summary>The operation's coerced variable values.</summary>
    IReadOnlyDictionary<string, object?> Variables { get; }

    /// <summary>The response path of the field (names and list indices), computed on demand.</summary>
    IReadOnlyList<object> Path { get; }

    /// <summary>The request's service provider, when the host supplied one.</summary>
    IServiceProvider? Services { get; }

    /// <summary>The user making the request, when the host supplied one.</summary>
    ClaimsPrincipal? User { get; }

    /// <summary>Per-request state shared by all resolvers of the request; safe for concurrent use.</summary>
    IDictionary<string, object?> ContextData { get; }

    /// <summary>Signalled when the request is aborted or times out.</summary>
    CancellationToken CancellationToken { get; }

    /// <summary>Adds an error for this field to the response without failing the field.</summary>
    void ReportError(string message, string? code = null);
}
