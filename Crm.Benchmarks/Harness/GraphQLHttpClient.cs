using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Crm.Benchmarks.Harness;

/// <summary>
/// GraphQL over HTTP/1.1 to the service as a client application would send it: POST /graphql with
/// a JSON body and a bearer token, on keep-alive connections (SocketsHttpHandler, at most
/// <c>connections</c> of them, so N workers each keep one). A request counts as a success only
/// when it is a 200 whose body carries no GraphQL <c>errors</c> and passes the caller's check.
/// </summary>
internal sealed class GraphQLHttpClient : IDisposable
{
    private static readonly MediaTypeHeaderValue JsonContent = new("application/json") { CharSet = "utf-8" };

    private readonly HttpClient _http;
    private readonly AuthenticationHeaderValue _authorization;
    private string? _firstFailure;
    private long _failures;

    public GraphQLHttpClient(Uri baseAddress, string token, int connections)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.None,
            UseProxy = false,
            UseCookies = false,
        };
        _http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30), DefaultRequestVersion = HttpVersion.Version11 };
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        _authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    /// <summary>The first failure seen (status and body, or the exception), for the report.</summary>
    public string? FirstFailure => Volatile.Read(ref _firstFailure);

    /// <summary>Failures seen since the client was made.</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>The JSON body of a request: the document and its variables.</summary>
    public static byte[] Body(string query, object? variables = null) =>
        JsonSerializer.SerializeToUtf8Bytes(variables is null ? new { query } : (object)new { query, variables });

    /// <summary>
    /// Sends one request; true when it succeeded. <paramref name="check"/> gets the <c>data</c>
    /// member and may refuse it (e.g. a mutation payload with domain errors).
    /// </summary>
    public async Task<bool> SendAsync(byte[] body, Func<JsonElement, bool>? check = null)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "graphql") { Content = new ByteArrayContent(body), Version = HttpVersion.Version11 };
            request.Content.Headers.ContentType = JsonContent;
            request.Headers.Authorization = _authorization;
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return Fail($"HTTP {(int)response.StatusCode}: {Text(bytes)}");
            }
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
            {
                return Fail("GraphQL errors: " + Text(bytes));
            }
            if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object || (check is not null && !check(data)))
            {
                return Fail("unexpected data: " + Text(bytes));
            }
            return true;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
        {
            return Fail($"{e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>Sends <paramref name="count"/> requests one by one and refuses to go on unless all succeed: the set-up must be right before anything is measured.</summary>
    public async Task ExpectSuccessAsync(string what, Func<int, byte[]> body, int count = 3, Func<JsonElement, bool>? check = null)
    {
        for (var i = 0; i < count; i++)
        {
            if (!await SendAsync(body(i), check))
            {
                throw new InvalidOperationException($"The first {what} requests fail, so nothing is measured: {FirstFailure}");
            }
        }
    }

    public void Dispose() => _http.Dispose();

    private bool Fail(string description)
    {
        Interlocked.Increment(ref _failures);
        Interlocked.CompareExchange(ref _firstFailure, description, null);
        return false;
    }

    private static string Text(byte[] bytes)
    {
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        return text.Length > 500 ? text[..500] + "…" : text;
    }
}
