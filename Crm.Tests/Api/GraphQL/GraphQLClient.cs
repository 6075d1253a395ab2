using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Crm.Tests.Api.GraphQL;

/// <summary>Sends GraphQL requests through the host's HTTP pipeline and reads the answers.</summary>
internal static class GraphQLClient
{
    private static readonly Uri Endpoint = new("/graphql", UriKind.Relative);

    /// <summary>Posts a request; fails when the HTTP status is not 200 or the body is not a JSON object.</summary>
    public static async Task<JsonElement> PostAsync(this HttpClient client, string query, object? variables = null)
    {
        var (status, body) = await SendAsync(client, query, variables);
        Assert.True(status == HttpStatusCode.OK, $"HTTP {(int)status}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    /// <summary>Posts a request and returns the status and body as they are.</summary>
    public static async Task<(HttpStatusCode Status, string Body)> SendAsync(this HttpClient client, string query, object? variables = null)
    {
        var payload = new JsonObject { ["query"] = query };
        if (variables is not null)
        {
            payload["variables"] = JsonSerializer.SerializeToNode(variables);
        }
        using var response = await client.PostAsJsonAsync(Endpoint, payload);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The data of an answer without errors; fails listing the errors otherwise.</summary>
    public static async Task<JsonElement> DataAsync(this HttpClient client, string query, object? variables = null)
    {
        var root = await client.PostAsync(query, variables);
        Assert.False(root.TryGetProperty("errors", out var errors), $"errors: {errors}");
        return root.GetProperty("data");
    }

    /// <summary>Runs a mutation, asserts its payload has no errors and returns the payload.</summary>
    public static async Task<JsonElement> MutateAsync(this HttpClient client, string mutation, object input, string selection)
    {
        var data = await client.DataAsync(
            $"mutation($input: {char.ToUpperInvariant(mutation[0])}{mutation[1..]}Input!) {{ {mutation}(input: $input) {{ errors {{ code message field }} {selection} }} }}",
            new { input });
        var payload = data.GetProperty(mutation);
        Assert.True(payload.GetProperty("errors").GetArrayLength() == 0, $"{mutation} refused: {payload.GetProperty("errors")}");
        return payload;
    }

    /// <summary>Runs a mutation and returns its payload (errors included).</summary>
    public static async Task<JsonElement> TryMutateAsync(this HttpClient client, string mutation, object input, string selection = "")
    {
        var data = await client.DataAsync(
            $"mutation($input: {char.ToUpperInvariant(mutation[0])}{mutation[1..]}Input!) {{ {mutation}(input: $input) {{ errors {{ code message field }} {selection} }} }}",
            new { input });
        return data.GetProperty(mutation);
    }

    /// <summary>The codes of a payload's errors.</summary>
    public static string[] ErrorCodes(this JsonElement payload) =>
        [.. payload.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString()!)];

    /// <summary>The codes in extensions.code of a response's GraphQL errors.</summary>
    public static string[] GraphQLErrorCodes(this JsonElement root) =>
        root.TryGetProperty("errors", out var errors)
            ? [.. errors.EnumerateArray().Select(e => e.TryGetProperty("extensions", out var x) && x.TryGetProperty("code", out var c) ? c.GetString() ?? "" : "")]
            : [];
}
