namespace Crm.GraphQL.Language;

/// <summary>A type-system definition or extension (schema definition language).</summary>
public abstract record TypeSystemDefinitionNode : DefinitionNode;

/// <summary>The definition of a named type.</summary>
public abstract record TypeDefinitionNode(
    StringValueNode? Description,
    NameNode Name,
    IReadOnlyList<DirectiveNode> Directives) : TypeSystemDefinitionNode
{
    /// <summary>The directives; never null, empty when absent.</summary>
    public IReadOnlyList<DirectiveNode> Directives { get; init => field = SyntaxList.Of(value); } = SyntaxList.Of(Directives);
}

/// <summary><c>schema @directives { query: Query … }</c>.</summary>
public sealed record SchemaDefinitionNode(
    StringValueNode? Description,
    IReadOnlyList<DirectiveNode> Directives,
    IReadOnlyList<OperationTypeDefinitionNode> OperationTypes) : TypeSystemDefinitionNode
{
    /// <summary>The directives; never null, empty when absent.</summary>
    public IReadOnlyList<DirectiveNode> Directives { get; init => field = SyntaxList.Of(value); } = SyntaxList.Of(Directives);

    /// <summary>The operation types; never null, empty when absent.</summary>
    public IReadOnlyList<OperationTypeDefinitionNode> OperationTypes { get; init => field = SyntaxList.Of(value); } = SyntaxList.Of(OperationTypes);
}

/// <summary><c>query: Query</c> inside a schema definition or extension.</summary>
public sealed record OperationTypeDefinitionNode(OperationType Operation, NamedTypeNode Type) : SyntaxNode;

/// <summary><c>scalar Name @directives</c>.</summary>
public sealed record ScalarTypeDefinitionNode(
    StringValueNode? Description,
    NameNode Name,
    IReadOnlyList<DirectiveNode> Directives) : TypeDefinitionNode(Description, Name, Directives);

/// <summary><c>type Name implements A &amp; B @directives { fields }</c>.</summary>
public sealed record ObjectTypeDefinitionNode(
    StringValueNode? Description,
    NameNode Name,
    IReadOnlyList<NamedTypeNode> Interfaces,
    IReadOnlyList<DirectiveNode> Directives,
    IReadOnlyList<FieldDefinitionNode> Fields) : TypeDefinitionNode(Description, Name, Directives)
{
    /// <summary>The interfaces; never null, empty when absent.</summary>
    public IReadOnlyList<NamedTypeNode> Interfaces { get; init => field = SyntaxList.Of(value); } = SyntaxList.Of(Interfaces);

    /// <summary>The fields; never null, empty when absent.</summary>
    public IReadOnlyList<FieldDefinitionNode> Fields { get; init => field = SyntaxList.Of(value); } = SyntaxList.Of(Fields);
}

/// <summary><c>interface Name implements A @directives { fields }</c>.</summary>
public sealed record InterfaceTypeDefinitionNode(
    StringValueNode? Description,
    NameNode Name,
    IReadOnlyList<NamedTypeNode> Interfaces,
    IReadOnlyList<DirectiveNode> Directives,
    IReadOnlyList<FieldDefinitionNode> Fields) : TypeDefinitionNode(Description, Name, Directives)
{
    /// <summary>The interfaces; never null, empty when absent.</summary>
    public IReadOnlyList<NamedTypeNode> Interfaces { get; init => field = SyntaxList.Of(value); } = SyntaxList.Of(Interfaces);

    /// <summary>The fields; never null, empty when absent.</summary>
    public IReadOnlyList<FieldDefinitionNode> Fields { get; init => field = SyntaxList.Of(value); } = SyntaxList.Of(Fields);
}

/// <summary><c>union Name @directives = A | B</c>.</summary>
public sealed record UnionTypeDefinitionNode(
    StringValueNode? Description,
    NameNode Name,
    IReadOnlyList<DirectiveNode> Directives,
    IReadOnlyList<NamedTypeNode> Types) : TypeDefinitionNode(Description, Name, Directives)
{
    /// <summary>The types; never null, empty when absent.</summary>
    public IReadOnlyList<NamedTypeNode> Types { get; init => field = SyntaxList.Of(value); } = SyntaxList.Of(Types);
}

/// <summary><c>enum Name @directives { VALUES }</c>.</summary>
public sealed record EnumTypeDefinitionNode(
    StringValueNode? Description,
    NameNode Name,
    IReadOnlyList<DirectiveNode> Directives,
    IReadOnlyList<EnumValueDefinitionNode> Values) : TypeDefinitionNode(Description, Name, Directives)
{
    /// <summary>The values; never null, empty when absent.</summary>
    public IReadOnlyList<EnumValueDefinitionNode> Values { get; init => field = SyntaxList.Of(value); } = SyntaxList.Of(Values);
}

/// <summary><c>input Name @directives { fields }</c>.</summary>
public sealed record InputObjectTypeDefinitionNode(
    StringValueNode? Description,
    NameNode Name,
    IReadOnlyList<DirectiveNode> Directives,
    IReadOnlyList<InputValueDefinitionNode> Fields) : TypeDefinitionNode(Description, Name, Directives)
{
    /// <summary>The fields; never null, empty when absent.</summary>
    public IReadOnlyList<InputValueDefinitionNode> Fields { get; init => field = SyntaxList.Of(value); } = SyntaxList.Of(Fields);
}

/// <summary><c>name(arguments): Type @directives</c> in an object or interface type.</summary>
public sealed record FieldDefinitionNode(
    StringValueNode? Description,
    NameNode Name,
    IReadOnlyList<InputValueDefinitionNode> Arguments,
    TypeNode Type,
    IReadOnlyList<DirectiveNode> Directives) : SyntaxNode
{
    /// <summary>The arguments; never null, empty when absent.</summary>
    public IReadOnlyList<InputValueDefinitionNode> Arguments { get; init => field = SyntaxList.Of(value); } = SyntaxList.Of(Arguments);

    /// <summary>The directives; never null, empty when absent.</summary>
    public IReadOnlyList<DirectiveNode> Directives { get; init => field = SyntaxList.Of(value); } = SyntaxList.Of(Directives);
}

/// <summary><c>name: Type = default @directives</c>: an argument or an input field definition.</summary>
public sealed record InputValueDefinitionNode(
    StringValueNode? Description,
    NameNode Name,
    TypeNode Type,
    ValueNode? DefaultValue,
    IReadOnlyList<DirectiveNode> Directives) : SyntaxNode
{
    /// <summary>The directives; never null, empty when absent.</summary>
    public IReadOnlyList<DirectiveNode> Directives { get; init => field = SyntaxList.Of(value); } = SyntaxList.Of(Directives);
}

/// <summary>A value of an enum type definition.</summary>
public sealed record EnumValueDefinitionNode(
    StringValueNode? Description,
    NameNode Name,
    IReadOnlyList<DirectiveNode> Directives) : SyntaxNode
{
    /// <summary>The directives; never null, empty when absent.</summary>
    public IReadOnlyList<DirectiveNode> Directives { get; init => field = SyntaxList.Of(value); } = SyntaxList.Of(Directives);
}

/// <summary><c>directive @name(arguments) repeatable on LOCATION | …</c>.</summary>
public sealed record DirectiveDefinitionNode(
    StringValueNode? Description,
    NameNode Name,
    IReadOnlyList<InputValueDefinitionNode> Arguments,
    bool Repeatable,
    IReadOnlyList<NameNode> Locations) : TypeSystemDefinitionNode
{
    /// <summary>The arguments; never null, empty when absent.</summary>
    public IReadOnlyList<InputValueDefinitionNode> Arguments { get; init => field = SyntaxList.Of(value); } = SyntaxList.Of(Arguments);

    /// <summary>The locations; never null, empty when absent.</summary>
    public IReadOnlyList<NameNode> Locations { get; init => field = SyntaxList.Of(value); } = SyntaxList.Of(Locations);
}
