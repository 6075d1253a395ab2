namespace Crm.GraphQL.Language;

/// <summary>
/// Parses GraphQL source text (September 2025 edition): executable documents, type-system
/// documents and their extensions, single values and type references.
/// </summary>
public static class Parser
{
    /// <summary>Parses a whole document.</summary>
    /// <exception cref="GraphQLSyntaxException">The source is not valid GraphQL or exceeds a limit of <paramref name="options"/>.</exception>
    public static DocumentNode Parse(string source, ParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new SyntaxParser(source, options ?? ParserOptions.Default).ParseDocument();
    }

    /// <summary>Parses a single value literal such as <c>{ a: [1, $v] }</c>; variables are allowed.</summary>
    /// <exception cref="GraphQLSyntaxException">The source is not exactly one value.</exception>
    public static ValueNode ParseValue(string source, ParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new SyntaxParser(source, options ?? ParserOptions.Default).ParseWhole(static p => p.ParseValueLiteral(isConst: false));
    }

    /// <summary>Parses a type reference such as <c>[String!]!</c>.</summary>
    /// <exception cref="GraphQLSyntaxException">The source is not exactly one type reference.</exception>
    public static TypeNode ParseType(string source, ParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new SyntaxParser(source, options ?? ParserOptions.Default).ParseWhole(static p => p.ParseTypeReference());
    }
}
