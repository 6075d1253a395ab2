namespace Crm.GraphQL;

/// <summary>
/// An error as it appears in a GraphQL response: a message for the client, the document locations
/// it refers to, the response path of the field that failed and free-form extensions
/// (<c>extensions.code</c> by convention).
/// </summary>
/// <param name="Message">A human-readable description of the problem.</param>
/// <param name="Locations">Where in the request document the error was found, when it relates to it.</param>
/// <param name="Path">The response path (field names and list indices) of the failed field, for execution errors.</param>
/// <param name="Extensions">Additional machine-readable data; <c>code</c> names the kind of error.</param>
public sealed record GraphQLError(
    string Message,
    IReadOnlyList<ErrorLocation>? Locations = null,
    IReadOnlyList<object>? Path = null,
    IReadOnlyDictionary<string, object?>? Extensions = null)
{
    /// <summary>The value of <c>extensions.code</c>, if any.</summary>
    public string? Code => Extensions is not null && Extensions.TryGetValue("code", out var code) ? code as string : null;

    /// <summary>Creates an error with the given <c>extensions.code</c>.</summary>
    public static GraphQLError WithCode(string message, string code, IReadOnlyList<ErrorLocation>? locations = null, IReadOnlyList<object>? path = null) =>
        new(message, locations, path, new Dictionary<string, object?> { ["code"] = code });
}
