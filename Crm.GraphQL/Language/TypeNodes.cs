namespace Crm.GraphQL.Language;

/// <summary>A type reference: named, list or non-null.</summary>
public abstract record TypeNode : SyntaxNode;

/// <summary>A type referenced by name.</summary>
public sealed record NamedTypeNode(NameNode Name) : TypeNode;

/// <summary><c>[Type]</c>.</summary>
public sealed record ListTypeNode(TypeNode Type) : TypeNode;

/// <summary><c>Type!</c>; the inner type is a named or list type.</summary>
public sealed record NonNullTypeNode(TypeNode Type) : TypeNode;
