using Crm.GraphQL;
using Crm.GraphQL.Execution;

namespace Crm.Api.GraphQL;

/// <summary>
/// The <c>X-Correlation-Id</c> header: taken from the request when the caller sends one (so a
/// chain of services shares it), made otherwise, stored in every event the request causes and
/// echoed in the response.
/// </summary>
internal static class Correlation
{
    public const string Header = "X-Correlation-Id";
    private const int MaxLength = 128;
    private static readonly object Key = new();

    /// <summary>The request's correlation id (set by <see cref="UseCorrelation"/>).</summary>
    public static string Of(HttpContext context) =>
        context.Items.TryGetValue(Key, out var value) && value is string id ? id : context.TraceIdentifier;

    /// <summary>Reads or makes the correlation id and echoes it; refuses a malformed one with 400.</summary>
    public static IApplicationBuilder UseCorrelation(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var given = context.Request.Headers[Header];
            string id;
            if (given.Count == 0 || string.IsNullOrEmpty(given[0]))
            {
                id = Guid.CreateVersion7().ToString();
            }
            else if (given.Count == 1 && IsValid(given[0]!))
            {
                id = given[0]!;
            }
            else
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                context.Response.ContentType = "application/json; charset=utf-8";
                var error = ExecutionResult.FromErrors(GraphQLError.WithCode(
                    $"The {Header} header must be one value of 1 to {MaxLength} visible ASCII characters (letters, digits, punctuation; no spaces).",
                    "BAD_REQUEST"));
                await context.Response.Body.WriteAsync(error.ToUtf8Json(), context.RequestAborted);
                return;
            }
            context.Items[Key] = id;
            context.Response.Headers[Header] = id;
            await next(context);
        });

    private static bool IsValid(string value)
    {
        if (value.Length > MaxLength)
        {
            return false;
        }
        foreach (var c in value)
        {
            if (c is < '!' or > '~')
            {
                return false;
            }
        }
        return true;
    }
}
