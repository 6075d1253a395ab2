namespace Crm.GraphQL.Language;

/// <summary>
/// An <c>extend …</c> definition. Extensions count as type-system definitions so that one
/// <see cref="TypeSystemDefinitionNode"/> test finds everything a schema is built from.
/// </summary>
public abstract record TypeSystemExtensionNode : TypeSystemDefinitionNode;

/// <summary>An extension of a named type.</summary>
public abstract record TypeExtensionNode(NameNode Name, IReadOnlyList<DirectiveNode> Directives) : TypeSystemExtensionNode
{
    /// <summary>The directives; never null, empty when absent.</summary>
    public IReadOnlyList<DirectiveNode> Directives { get; init => field = SyntaxList.Of(value); } = SyntaxList.Of(Directives);
}

/// <summary><c>extend schema @directives { … }</c>.</summary>
public sealed record SchemaExtensionNode(
    IReadOnlyList<DirectiveNode> Directives,
    IReadOnlyList<OperationTypeDefinitionNode> OperationTypes) : TypeSystemExtensionNode
{
    /// <summary>The directives; never null, empty when absent.</summary>
    public IReadOnlyList<DirectiveNode> Directives { get; init => field = SyntaxList.Of(value); } = SyntaxList.Of(Directives);

    /// <summary>The operation types; never null, empty when absent.</summary>
    public IReadOnlyList<OperationTypeDefinitionNode> OperationTypes { get; init => field = SyntaxList.Of(value); } = SyntaxList.Of(OperationTypes);
}

/// <summary><c>extend scalar Name @directives</c>.</summary>
public sealed record ScalarTypeExtensionNode(NameNode Name, IReadOnlyList<DirectiveNode> Directives)
    : TypeExtensionNode(Name, Directives);

/// <summary><c>extend type Name implements … @directives { … }</c>.</summary>
public sealed record ObjectTypeExtensionNode(
    NameNode Name,
    IReadOnlyList<NamedTypeNode> Interfaces,
    IReadOnlyList<DirectiveNode> Directives,
    IReadOnlyList<FieldDefinitionNode> Fields) : TypeExtensionNode(Name, Directives)
{
    /// <summary>The interfaces; never null, empty when absent.</summary>
    public IReadOnlyList<NamedTypeNode> Interfaces { get; init => field = SyntaxList.Of(value); } = SyntaxList.Of(Interfaces);

    /// <summary>The fields; never null, empty when absent.</summary>
    public IReadOnlyList<FieldDefinitionNode> Fields { get; init => field = SyntaxList.Of(value); } = SyntaxList.Of(Fields);
}

/// <summary><c>extend interface Name implements … @directives { … }</c>.</summary>
public sealed record InterfaceTypeExtensionNode(
    NameNode Name,
    IReadOnlyList<NamedTypeNode> Interfaces,
    IReadOnlyList<DirectiveNode> Directives,
    IReadOnlyList<FieldDefinitionNode> Fields) : TypeExtensionNode(Name, Directives)
{
    /// <summary>The interfaces; never null, empty when absent.</summary>
    public IReadOnlyList<NamedTypeNode> Interfaces { get; init => field = SyntaxList.Of(value); } = SyntaxList.Of(Interfaces);

    /// <summary>The fields; never null, empty when absent.</summary>
    public IReadOnlyList<FieldDefinitionNode> Fields { get; init => field = SyntaxList.Of(value); } = SyntaxList.Of(Fields);
}

/// <summary><c>extend union Name @directives = …</c>.</summary>
public sealed record UnionTypeExtensionNode(
    NameNode Name,
    IReadOnlyList<DirectiveNode> Directives,
    IReadOnlyList<NamedTypeNode> Types) : TypeExtensionNode(Name, Directives)
{
    /// <summary>The types; never null, empty when absent.</summary>
    public IReadOnlyList<NamedTypeNode> Types { get; init => field = SyntaxList.Of(value); } = SyntaxList.Of(Types);
}

/// <summary><c>extend enum Name @directives { … }</c>.</summary>
public sealed record EnumTypeExtensionNode(
    NameNode Name,
    IReadOnlyList<DirectiveNode> Directives,
    IReadOnlyList<EnumValueDefinitionNode> Values) : TypeExtensionNode(Name, Directives)
{
    /// <summary>The values; never null, empty when absent.</summary>
    public IReadOnlyList<EnumValueDefinitionNode> Values { get; init => field = SyntaxList.Of(value); } = SyntaxList.Of(Values);
}

/// <summary><c>extend input Name @directives { … }</c>.</summary>
public sealed record InputObjectTypeExtensionNode(
    NameNode Name,
    IReadOnlyList<DirectiveNode> Directives,
    IReadOnlyList<InputValueDefinitionNode> Fields) : TypeExtensionNode(Name, Directives)
{
    /// <summary>The fields; never null, empty when absent.</summary>
    public IReadOnlyList<InputValueDefinitionNode> Fields { get; init => field = SyntaxList.Of(value); } = SyntaxList.Of(Fields);
}
