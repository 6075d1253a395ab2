namespace Crm.GraphQL.Execution;

/// <summary>The values the executor writes to <c>extensions.code</c>.</summary>
public static class ErrorCodes
{
    /// <summary>The document is not valid GraphQL syntax or exceeds a parser limit.</summary>
    public const string ParseFailed = "GRAPHQL_PARSE_FAILED";

    /// <summary>The document is not valid against the schema.</summary>
    public const string ValidationFailed = "GRAPHQL_VALIDATION_FAILED";

    /// <summary>The request names no query, an unknown operation, or is ambiguous.</summary>
    public const string OperationResolutionFailure = "OPERATION_RESOLUTION_FAILURE";

    /// <summary>Variable or argument values are invalid.</summary>
    public const string BadUserInput = "BAD_USER_INPUT";

    /// <summary>A resolver failed unexpectedly; details are hidden unless configured.</summary>
    public const string InternalServerError = "INTERNAL_SERVER_ERROR";

    /// <summary>A resolver's value does not fit the field's type.</summary>
    public const string InvalidResult = "INVALID_RESULT";

    /// <summary>The operation nests fields deeper than allowed.</summary>
    public const string MaxDepthExceeded = "MAX_EXECUTION_DEPTH_EXCEEDED";

    /// <summary>The request did not finish within the configured timeout.</summary>
    public const string Timeout = "EXECUTION_TIMEOUT";

    /// <summary>The operation type is not supported by the schema or by the entry point used.</summary>
    public const string OperationNotSupported = "OPERATION_NOT_SUPPORTED";
}
