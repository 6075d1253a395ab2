namespace Crm.GraphQL.Types;

/// <summary>A value could not be coerced to or from a GraphQL type; the message says why.</summary>
public sealed class CoercionException : Exception
{
    /// <summary>Creates the exception with a message for the client.</summary>
    public CoercionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message for the client and the underlying cause.</summary>
    public CoercionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a default message.</summary>
    public CoercionException()
        : base("The value could not be coerced.")
    {
    }

    /// <summary>Where inside a structured input value the problem is (field names and list indices); empty at the top.</summary>
    public IReadOnlyList<object> Path { get; init; } = [];

    /// <summary>The offending part of the input, for messages.</summary>
    public object? InvalidValue { get; init; }
}
