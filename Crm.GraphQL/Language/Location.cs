namespace Crm.GraphQL.Language;

/// <summary>
/// Where a syntax node sits in its source text.
/// </summary>
/// <param name="Start">Offset (in UTF-16 code units) of the node's first character.</param>
/// <param name="End">Offset just past the node's last character.</param>
/// <param name="Line">1-based line of the node's first token.</param>
/// <param name="Column">1-based column of the node's first token.</param>
public readonly record struct Location(int Start, int End, int Line, int Column);
