namespace Crm.GraphQL.Language;

/// <summary>
/// Limits that keep the parser's time and memory bounded on hostile input, and whether to record
/// node locations. Every limit fails fast with a <see cref="GraphQLSyntaxException"/>.
/// </summary>
public sealed record ParserOptions
{
    /// <summary>The defaults: depth 200, 2048 fields, 15 000 tokens, 1 000 000 characters, with locations.</summary>
    public static ParserOptions Default { get; } = new();

    /// <summary>How deeply selection sets, list and object values and list types may nest.</summary>
    public int MaxRecursionDepth { get; init; } = 200;

    /// <summary>How many fields (selections, not schema field definitions) a document may contain.</summary>
    public int MaxFields { get; init; } = 2048;

    /// <summary>How many lexical tokens a document may contain (ignored tokens such as comments do not count).</summary>
    public int MaxTokens { get; init; } = 15_000;

    /// <summary>The longest document, in characters, that is parsed at all; it is checked before lexing.</summary>
    public int MaxDocumentLength { get; init; } = 1_000_000;

    /// <summary>Skips recording <see cref="SyntaxNode.Location"/>, saving memory when no error will point into the source.</summary>
    public bool NoLocations { get; init; }
}
