namespace Crm.GraphQL.Language;

/// <summary>
/// A document that is not valid GraphQL syntax, or that exceeds a parser limit.
/// The message reads like <c>Syntax Error: Expected Name, found "}".</c>.
/// </summary>
public sealed class GraphQLSyntaxException : Exception
{
    /// <summary>Creates the error for a 1-based line and column.</summary>
    public GraphQLSyntaxException(string message, int line, int column)
        : base(message)
    {
        Line = line;
        Column = column;
    }

    /// <summary>Creates the error at the start of the document.</summary>
    public GraphQLSyntaxException()
        : this("Syntax Error.", 1, 1)
    {
    }

    /// <summary>Creates the error at the start of the document.</summary>
    public GraphQLSyntaxException(string message)
        : this(message, 1, 1)
    {
    }

    /// <summary>Creates the error at the start of the document, wrapping the cause.</summary>
    public GraphQLSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
        Line = 1;
        Column = 1;
    }

    /// <summary>1-based line of the offending character or token.</summary>
    public int Line { get; }

    /// <summary>1-based column (in UTF-16 code units) of the offending character or token.</summary>
    public int Column { get; }

    internal static GraphQLSyntaxException At(string description, int line, int column) =>
        new("Syntax Error: " + description, line, column);
}
