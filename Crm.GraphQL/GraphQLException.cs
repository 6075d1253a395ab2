namespace Crm.GraphQL;

/// <summary>
/// An error a resolver raises on purpose. Its message and code reach the client unchanged,
/// unlike other exceptions, whose details are masked.
/// </summary>
public class GraphQLException : Exception
{
    /// <summary>Creates an exception whose message is shown to the client.</summary>
    public GraphQLException(string message)
        : this(message, code: null)
    {
    }

    /// <summary>Creates an exception whose message and <c>extensions.code</c> are shown to the client.</summary>
    public GraphQLException(string message, string? code, IReadOnlyDictionary<string, object?>? extensions = null)
        : base(message)
    {
        Code = code;
        Extensions = extensions;
    }

    /// <summary>Creates an exception with an inner exception; the inner one is never shown to clients.</summary>
    public GraphQLException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception with a default message.</summary>
    public GraphQLException()
        : this("GraphQL error.")
    {
    }

    /// <summary>The value written to <c>extensions.code</c>, if any.</summary>
    public string? Code { get; }

    /// <summary>Further entries written to <c>extensions</c>.</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; }
}
