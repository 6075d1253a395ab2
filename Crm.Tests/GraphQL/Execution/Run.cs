using System.Text.Json;
using Crm.GraphQL.Execution;
using Crm.GraphQL.Types;

namespace Crm.Tests.GraphQL.Execution;

/// <summary>Executes documents in tests and compares responses as JSON.</summary>
internal static class Run
{
    public static async Task<ExecutionResult> Execute(Schema schema, string query, object? variables = null, string? operationName = null, ExecutorOptions? options = null)
    {
        var executor = new GraphQLExecutor(schema, options);
        return await executor.ExecuteAsync(new GraphQLRequest(query, operationName, Variables(variables)));
    }

    public static async Task<string> Json(Schema schema, string query, object? variables = null, string? operationName = null, ExecutorOptions? options = null) =>
        Normalize((await Execute(schema, query, variables, operationName, options)).ToJson());

    /// <summary>Re-serializes JSON text so that equal documents compare equal as strings.</summary>
    public static string Normalize(string json) => JsonSerializer.Serialize(JsonDocument.Parse(json).RootElement);

    /// <summary>Variables given as an anonymous object or JSON text, passed as JSON elements like a transport would.</summary>
    public static IReadOnlyDictionary<string, object?>? Variables(object? variables) => variables switch
    {
        null => null,
        string json => GraphQLRequest.VariablesFromJson(JsonDocument.Parse(json).RootElement),
        _ => GraphQLRequest.VariablesFromJson(JsonSerializer.SerializeToElement(variables)),
    };

    /// <summary>Normalizes JSON text (single quotes allowed for readability) for comparison.</summary>
    public static string Expect(string json) =>
        JsonSerializer.Serialize(JsonDocument.Parse(json.Replace('\'', '"')).RootElement);
}
