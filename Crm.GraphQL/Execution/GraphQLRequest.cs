using System.Security.Claims;
using System.Text.Json;

namespace Crm.GraphQL.Execution;

/// <summary>
/// A GraphQL request as a transport receives it, plus what the host supplies for resolvers.
/// </summary>
/// <param name="Query">The document text.</param>
/// <param name="OperationName">Which operation of the document to run; optional when it has only one.</param>
/// <param name="Variables">
/// Variable values as received: <see cref="JsonElement"/> values (as from a JSON request body) or
/// plain CLR values (strings, numbers, booleans, dictionaries, lists).
/// </param>
/// <param name="Extensions">The request's <c>extensions</c> entry, if any.</param>
public sealed record GraphQLRequest(
    string? Query,
    string? OperationName = null,
    IReadOnlyDictionary<string, object?>? Variables = null,
    IReadOnlyDictionary<string, object?>? Extensions = null)
{
    /// <summary>The request's service provider (for example <c>HttpContext.RequestServices</c>).</summary>
    public IServiceProvider? Services { get; init; }

    /// <summary>The value of the root operation type's parent (the <c>Source</c> of root fields).</summary>
    public object? RootValue { get; init; }

    /// <summary>The authenticated user, if any.</summary>
    public ClaimsPrincipal? User { get; init; }

    /// <summary>Initial per-request state for resolvers (copied into <c>IResolverContext.ContextData</c>).</summary>
    public IReadOnlyDictionary<string, object?>? ContextData { get; init; }

    /// <summary>
    /// Converts a JSON object (such as the <c>variables</c> member of a request body) to a variables
    /// dictionary; <see langword="null"/> for JSON null or an absent value.
    /// </summary>
    /// <exception cref="ArgumentException">The element is neither an object nor null.</exception>
    public static IReadOnlyDictionary<string, object?>? VariablesFromJson(JsonElement variables)
    {
        switch (variables.ValueKind)
        {
            case JsonValueKind.Undefined:
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.Object:
                var result = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var property in variables.EnumerateObject())
                {
                    result[property.Name] = property.Value.Clone();
                }
                return result;
            default:
                throw new ArgumentException($"Variables must be a JSON object, not {variables.ValueKind}.", nameof(variables));
        }
    }
}
