namespace Crm.GraphQL;

/// <summary>A 1-based line and column in a GraphQL document that an error refers to.</summary>
/// <param name="Line">1-based line number.</param>
/// <param name="Column">1-based column number.</param>
public readonly record struct ErrorLocation(int Line, int Column);
