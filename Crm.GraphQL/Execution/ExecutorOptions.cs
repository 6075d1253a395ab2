using Crm.GraphQL.Language;

namespace Crm.GraphQL.Execution;

/// <summary>Settings of a <see cref="GraphQLExecutor"/>.</summary>
public sealed record ExecutorOptions
{
    /// <summary>The default settings.</summary>
    public static ExecutorOptions Default { get; } = new();

    /// <summary>
    /// The deepest field nesting an operation may have (root fields are at depth 1); deeper
    /// operations are refused before they run. <see langword="null"/> disables the check.
    /// The default of 64 leaves room for the standard introspection query.
    /// </summary>
    public int? MaxExecutionDepth { get; init; } = 64;

    /// <summary>How long a request may run before it is abandoned with an error; <see langword="null"/> for no limit.</summary>
    public TimeSpan? Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Whether unexpected resolver exceptions are described in <c>extensions.exception</c>
    /// (message, type and stack trace). Leave off in production.
    /// </summary>
    public bool IncludeExceptionDetails { get; init; }

    /// <summary>How many distinct documents (by text) keep their parsed and validated form.</summary>
    public int DocumentCacheSize { get; init; } = 1000;

    /// <summary>Limits applied when parsing request documents.</summary>
    public ParserOptions ParserOptions { get; init; } = ParserOptions.Default;

    /// <summary>Whether <c>__schema</c> and <c>__type</c> may be queried.</summary>
    public bool EnableIntrospection { get; init; } = true;

    /// <summary>
    /// Observes unexpected resolver exceptions (for logging); receives the exception and the error
    /// sent to the client.
    /// </summary>
    public Action<Exception, GraphQLError>? OnUnexpectedError { get; init; }
}
