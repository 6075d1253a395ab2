using System.Text.Json;
using Crm.GraphQL.Execution;
using Crm.GraphQL.Language;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace Crm.GraphQL.Transport;

/// <summary>
/// One GraphQL-over-HTTP request, as small steps: method → IDE → authorization → content
/// negotiation → reading the parameters → GET safety → execution → status and body.
/// </summary>
internal sealed class GraphQLHttpHandler(IRequestExecutor executor, GraphQLHttpOptions options)
{
    // Relaxed escaping writes non-ASCII text as UTF-8 instead of \u escapes; responses are JSON, never HTML.
    private static readonly JsonWriterOptions WriterOptions = new() { SkipValidation = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly byte[] IdePage = LoadIde();

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var isGet = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
        if (!(isGet && options.EnableGetRequests) && !HttpMethods.IsPost(request.Method))
        {
            context.Response.Headers.Allow = options.EnableGetRequests ? "GET, POST" : "POST";
            await WriteProblemAsync(context, MediaTypes.Json, StatusCodes.Status405MethodNotAllowed, $"{request.Method} is not allowed here; send GraphQL requests with {context.Response.Headers.Allow}.");
            return;
        }
        if (isGet && options.EnableIde && WantsIde(request))
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.Headers.CacheControl = "no-cache";
            await context.Response.Body.WriteAsync(IdePage, context.RequestAborted);
            return;
        }

        var mediaType = MediaTypes.Negotiate(request.Headers.Accept);
        if (mediaType is null)
        {
            await WriteProblemAsync(context, MediaTypes.Json, StatusCodes.Status406NotAcceptable,
                $"None of the accepted media types can be produced; accept {MediaTypes.GraphQLResponse} or {MediaTypes.Json}.");
            return;
        }
        if (!await AuthorizeAsync(context, mediaType))
        {
            return;
        }

        HttpGraphQLRequest? parsed;
        HttpRequestProblem? problem;
        if (isGet)
        {
            parsed = HttpRequestReader.FromQueryString(request.Query, out problem);
        }
        else
        {
            (parsed, problem) = await HttpRequestReader.FromBodyAsync(request, options.MaxRequestBytes, context.RequestAborted);
        }
        if (parsed is null)
        {
            await WriteProblemAsync(context, mediaType, problem!.StatusCode, problem.Message);
            return;
        }

        if (isGet && executor.GetOperationType(parsed.Query, parsed.OperationName) is { } operation and not OperationType.Query)
        {
            // GET must be safe: a mutation sent with GET could be triggered by a link or a prefetch.
            context.Response.Headers.Allow = "POST";
            await WriteProblemAsync(context, mediaType, StatusCodes.Status405MethodNotAllowed,
                $"A {operation.ToString().ToLowerInvariant()} cannot be sent with GET; use POST.");
            return;
        }

        var graphQLRequest = new GraphQLRequest(
            parsed.Query,
            parsed.OperationName,
            parsed.Variables is { } v ? GraphQLRequest.VariablesFromJson(v) : null,
            parsed.Extensions is { } e ? GraphQLRequest.VariablesFromJson(e) : null)
        {
            Services = context.RequestServices,
            User = context.User,
            ContextData = options.ContextData?.Invoke(context),
        };
        var result = await executor.ExecuteAsync(graphQLRequest, context.RequestAborted);

        // With application/graphql-response+json a request that never ran (no data entry) is a
        // client error; with application/json the status stays 200 for every GraphQL outcome.
        var status = mediaType == MediaTypes.GraphQLResponse && !result.HasData ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
        await WriteResultAsync(context, mediaType, status, result);
    }

    public async Task HandleSchemaAsync(HttpContext context, string sdl)
    {
        if (!await AuthorizeAsync(context, MediaTypes.Json))
        {
            return;
        }
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(sdl, context.RequestAborted);
    }

    private async Task<bool> AuthorizeAsync(HttpContext context, string mediaType)
    {
        if (options.AuthorizationPolicy is not { } policy)
        {
            return true;
        }
        var authorization = context.RequestServices.GetRequiredService<IAuthorizationService>();
        var outcome = await authorization.AuthorizeAsync(context.User, resource: context, policy);
        if (outcome.Succeeded)
        {
            return true;
        }
        if (context.User.Identity?.IsAuthenticated == true)
        {
            await WriteProblemAsync(context, mediaType, StatusCodes.Status403Forbidden, "The token's actor may not use this endpoint.", "FORBIDDEN");
        }
        else
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await WriteProblemAsync(context, mediaType, StatusCodes.Status401Unauthorized, "A bearer token is required: send 'Authorization: Bearer <token>'.", "UNAUTHENTICATED");
        }
        return false;
    }

    private static bool WantsIde(HttpRequest request)
    {
        if (request.Query.ContainsKey("query"))
        {
            return false;
        }
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted))
        {
            return false;
        }
        foreach (var value in accepted)
        {
            if (value.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase) && (value.Quality ?? 1) > 0)
            {
                return true;
            }
        }
        return false;
    }

    private static async Task WriteResultAsync(HttpContext context, string mediaType, int status, ExecutionResult result)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = mediaType + "; charset=utf-8";
        await using (var writer = new Utf8JsonWriter(context.Response.BodyWriter, WriterOptions))
        {
            result.WriteTo(writer);
        }
        await context.Response.BodyWriter.FlushAsync(context.RequestAborted);
    }

    private static Task WriteProblemAsync(HttpContext context, string mediaType, int status, string message, string code = "BAD_REQUEST") =>
        WriteResultAsync(context, mediaType, status, ExecutionResult.FromErrors(GraphQLError.WithCode(message, status switch
        {
            StatusCodes.Status405MethodNotAllowed => "METHOD_NOT_ALLOWED",
            StatusCodes.Status406NotAcceptable => "NOT_ACCEPTABLE",
            StatusCodes.Status413PayloadTooLarge => "REQUEST_TOO_LARGE",
            StatusCodes.Status415UnsupportedMediaType => "UNSUPPORTED_MEDIA_TYPE",
            _ => code,
        })));

    private static byte[] LoadIde()
    {
        using var stream = typeof(GraphQLHttpHandler).Assembly.GetManifestResourceStream("Crm.GraphQL.Transport.Ide.ide.html")
            ?? throw new InvalidOperationException("The IDE page is missing from the assembly's resources.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
