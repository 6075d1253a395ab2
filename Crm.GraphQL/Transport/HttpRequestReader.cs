using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Crm.GraphQL.Transport;

/// <summary>A GraphQL request as it arrived over HTTP, before any GraphQL processing.</summary>
internal sealed record HttpGraphQLRequest(string Query, string? OperationName, JsonElement? Variables, JsonElement? Extensions);

/// <summary>Why an HTTP request is not a well-formed GraphQL-over-HTTP request.</summary>
internal sealed record HttpRequestProblem(int StatusCode, string Message);

/// <summary>
/// Reads the GraphQL-over-HTTP parameters (query, operationName, variables, extensions) from a GET
/// query string or a POST <c>application/json</c> body, refusing what the spec says to refuse.
/// </summary>
internal static class HttpRequestReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 128 };

    public static HttpGraphQLRequest? FromQueryString(IQueryCollection query, out HttpRequestProblem? problem)
    {
        problem = null;
        if (query["query"] is not { Count: 1 } queryValues || string.IsNullOrEmpty(queryValues[0]))
        {
            problem = new(StatusCodes.Status400BadRequest, "The 'query' parameter is missing: send the GraphQL document as ?query=...");
            return null;
        }
        JsonElement? variables = null;
        JsonElement? extensions = null;
        if (query["variables"] is { Count: > 0 } v && !string.IsNullOrEmpty(v[0]) && !TryParseMap(v[0]!, "variables", out variables, out problem))
        {
            return null;
        }
        if (query["extensions"] is { Count: > 0 } e && !string.IsNullOrEmpty(e[0]) && !TryParseMap(e[0]!, "extensions", out extensions, out problem))
        {
            return null;
        }
        var operationName = query["operationName"] is { Count: > 0 } o && !string.IsNullOrEmpty(o[0]) ? o[0] : null;
        return new HttpGraphQLRequest(queryValues[0]!, operationName, variables, extensions);
    }

    public static async Task<(HttpGraphQLRequest? Request, HttpRequestProblem? Problem)> FromBodyAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(request.ContentType))
        {
            return (null, new(StatusCodes.Status415UnsupportedMediaType, "The request has no Content-Type: send the GraphQL request as application/json."));
        }
        if (!IsJson(request.ContentType, out var charsetOk))
        {
            return (null, new(StatusCodes.Status415UnsupportedMediaType, $"Content-Type '{request.ContentType}' is not supported: send the GraphQL request as application/json."));
        }
        if (!charsetOk)
        {
            return (null, new(StatusCodes.Status415UnsupportedMediaType, "Only the utf-8 charset is supported for application/json requests."));
        }
        if (request.ContentLength > maxBytes)
        {
            return (null, new(StatusCodes.Status413PayloadTooLarge, $"The request body is larger than the limit of {maxBytes} bytes."));
        }

        if (await ReadBodyAsync(request.Body, maxBytes, cancellationToken) is not { } body)
        {
            return (null, new(StatusCodes.Status413PayloadTooLarge, $"The request body is larger than the limit of {maxBytes} bytes."));
        }
        try
        {
            if (body.Count == 0)
            {
                return (null, new(StatusCodes.Status400BadRequest, "The request body is empty: send a JSON object with a 'query'."));
            }
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(body.AsMemory(), DocumentOptions);
            }
            catch (JsonException ex)
            {
                return (null, new(StatusCodes.Status400BadRequest, $"The request body is not valid JSON: {ex.Message}"));
            }
            using (document)
            {
                return FromJson(document.RootElement);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(body.Array!);
        }
    }

    private static (HttpGraphQLRequest?, HttpRequestProblem?) FromJson(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return (null, new(StatusCodes.Status400BadRequest, "The request body must be a JSON object with a 'query'."));
        }
        string? query = null;
        string? operationName = null;
        JsonElement? variables = null;
        JsonElement? extensions = null;
        foreach (var property in root.EnumerateObject())
        {
            switch (property.Name)
            {
                case "query":
                    if (property.Value.ValueKind != JsonValueKind.String)
                    {
                        return (null, new(StatusCodes.Status400BadRequest, "The 'query' parameter must be a string."));
                    }
                    query = property.Value.GetString();
                    break;
                case "operationName":
                    if (property.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
                    {
                        return (null, new(StatusCodes.Status400BadRequest, "The 'operationName' parameter must be a string or null."));
                    }
                    operationName = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null;
                    break;
                case "variables":
                    if (!TryMap(property.Value, "variables", out variables, out var variablesProblem))
                    {
                        return (null, variablesProblem);
                    }
                    break;
                case "extensions":
                    if (!TryMap(property.Value, "extensions", out extensions, out var extensionsProblem))
                    {
                        return (null, extensionsProblem);
                    }
                    break;
                default:
                    // Unknown parameters are ignored, as the spec allows, so clients may send more.
                    break;
            }
        }
        if (string.IsNullOrEmpty(query))
        {
            return (null, new(StatusCodes.Status400BadRequest, "The 'query' parameter is missing: send {\"query\": \"...\"}."));
        }
        return (new HttpGraphQLRequest(query, operationName, variables, extensions), null);
    }

    private static bool TryMap(JsonElement value, string name, out JsonElement? map, out HttpRequestProblem? problem)
    {
        problem = null;
        map = null;
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                return true;
            case JsonValueKind.Object:
                map = value.Clone();
                return true;
            default:
                problem = new(StatusCodes.Status400BadRequest, $"The '{name}' parameter must be a JSON object (a map) or null.");
                return false;
        }
    }

    private static bool TryParseMap(string json, string name, out JsonElement? map, out HttpRequestProblem? problem)
    {
        try
        {
            using var document = JsonDocument.Parse(json, DocumentOptions);
            return TryMap(document.RootElement, name, out map, out problem);
        }
        catch (JsonException)
        {
            map = null;
            problem = new(StatusCodes.Status400BadRequest, $"The '{name}' parameter is not valid JSON.");
            return false;
        }
    }

    private static bool IsJson(string contentType, out bool charsetOk)
    {
        charsetOk = true;
        if (!Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var parsed))
        {
            return false;
        }
        var mediaType = parsed.MediaType.Value;
        if (!string.Equals(mediaType, MediaTypes.Json, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(mediaType, MediaTypes.GraphQLResponse, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var charset = parsed.Charset.Value;
        charsetOk = string.IsNullOrEmpty(charset) || string.Equals(charset, "utf-8", StringComparison.OrdinalIgnoreCase) || string.Equals(charset, "utf8", StringComparison.OrdinalIgnoreCase);
        return true;
    }

    /// <summary>The body into a pooled buffer; null when it exceeds the limit (then nothing more is read).</summary>
    private static async Task<ArraySegment<byte>?> ReadBodyAsync(Stream body, long maxBytes, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(4096);
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (buffer.Length >= maxBytes + 1)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    return null;
                }
                var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, maxBytes + 1));
                buffer.AsSpan(0, length).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = larger;
            }
            var read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken);
            if (read == 0)
            {
                break;
            }
            length += read;
            if (length > maxBytes)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                return null;
            }
        }
        return new ArraySegment<byte>(buffer, 0, length);
    }
}
