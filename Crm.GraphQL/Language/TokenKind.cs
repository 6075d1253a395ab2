namespace Crm.GraphQL.Language;

/// <summary>The lexical tokens of GraphQL.</summary>
internal enum TokenKind : byte
{
    StartOfFile,
    EndOfFile,
    Bang,
    Dollar,
    Ampersand,
    ParenLeft,
    ParenRight,
    Spread,
    Colon,
    Equals,
    At,
    BracketLeft,
    BracketRight,
    BraceLeft,
    Pipe,
    BraceRight,
    Name,
    Int,
    Float,
    String,
    BlockString,
}

/// <summary>One token; <see cref="Value"/> holds the resolved text of string tokens only.</summary>
internal readonly record struct Token(TokenKind Kind, int Start, int End, int Line, int Column, string? Value = null);

internal static class TokenKindExtensions
{
    public static bool IsPunctuator(this TokenKind kind) => kind is >= TokenKind.Bang and <= TokenKind.BraceRight;

    /// <summary>How an error message names a token kind: punctuators quoted, the rest by kind.</summary>
    public static string Describe(this TokenKind kind) => kind switch
    {
        TokenKind.StartOfFile => "<SOF>",
        TokenKind.EndOfFile => "<EOF>",
        TokenKind.Bang => "\"!\"",
        TokenKind.Dollar => "\"$\"",
        TokenKind.Ampersand => "\"&\"",
        TokenKind.ParenLeft => "\"(\"",
        TokenKind.ParenRight => "\")\"",
        TokenKind.Spread => "\"...\"",
        TokenKind.Colon => "\":\"",
        TokenKind.Equals => "\"=\"",
        TokenKind.At => "\"@\"",
        TokenKind.BracketLeft => "\"[\"",
        TokenKind.BracketRight => "\"]\"",
        TokenKind.BraceLeft => "\"{\"",
        TokenKind.Pipe => "\"|\"",
        TokenKind.BraceRight => "\"}\"",
        TokenKind.Name => "Name",
        TokenKind.Int => "Int",
        TokenKind.Float => "Float",
        TokenKind.String => "String",
        TokenKind.BlockString => "BlockString",
        _ => kind.ToString(),
    };
}
