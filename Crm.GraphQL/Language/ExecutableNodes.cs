namespace Crm.GraphQL.Language;

/// <summary>A parsed GraphQL document: executable definitions, type-system definitions or both.</summary>
public sealed record DocumentNode(IReadOnlyList<DefinitionNode> Definitions) : SyntaxNode
{
    /// <summary>The definitions; never null, empty when absent.</summary>
    public IReadOnlyList<DefinitionNode> Definitions { get; init => field = SyntaxList.Of(value); } = SyntaxList.Of(Definitions);
}

/// <summary>A top-level definition of a document.</summary>
public abstract record DefinitionNode : SyntaxNode;

/// <summary>An operation or a fragment: the definitions a service can execute.</summary>
public abstract record ExecutableDefinitionNode : DefinitionNode;

/// <summary>A query, mutation or subscription; the shorthand <c>{ … }</c> is an anonymous query.</summary>
public sealed record OperationDefinitionNode(
    OperationType Operation,
    NameNode? Name,
    IReadOnlyList<VariableDefinitionNode> VariableDefinitions,
    IReadOnlyList<DirectiveNode> Directives,
    SelectionSetNode SelectionSet) : ExecutableDefinitionNode
{
    /// <summary>The variable definitions; never null, empty when absent.</summary>
    public IReadOnlyList<VariableDefinitionNode> VariableDefinitions { get; init => field = SyntaxList.Of(value); } = SyntaxList.Of(VariableDefinitions);

    /// <summary>The directives; never null, empty when absent.</summary>
    public IReadOnlyList<DirectiveNode> Directives { get; init => field = SyntaxList.Of(value); } = SyntaxList.Of(Directives);

    /// <summary>The optional description before the operation keyword.</summary>
    public StringValueNode? Description { get; init; }
}

/// <summary><c>fragment Name on Type @directives { … }</c>.</summary>
public sealed record FragmentDefinitionNode(
    NameNode Name,
    NamedTypeNode TypeCondition,
    IReadOnlyList<DirectiveNode> Directives,
    SelectionSetNode SelectionSet) : ExecutableDefinitionNode
{
    /// <summary>The directives; never null, empty when absent.</summary>
    public IReadOnlyList<DirectiveNode> Directives { get; init => field = SyntaxList.Of(value); } = SyntaxList.Of(Directives);

    /// <summary>The optional description before the <c>fragment</c> keyword.</summary>
    public StringValueNode? Description { get; init; }
}

/// <summary><c>$name: Type = default @directives</c> in an operation's variable list.</summary>
public sealed record VariableDefinitionNode(
    VariableNode Variable,
    TypeNode Type,
    ValueNode? DefaultValue,
    IReadOnlyList<DirectiveNode> Directives) : SyntaxNode
{
    /// <summary>The directives; never null, empty when absent.</summary>
    public IReadOnlyList<DirectiveNode> Directives { get; init => field = SyntaxList.Of(value); } = SyntaxList.Of(Directives);

    /// <summary>The optional description before the variable.</summary>
    public StringValueNode? Description { get; init; }
}

/// <summary><c>{ selection… }</c>.</summary>
public sealed record SelectionSetNode(IReadOnlyList<SelectionNode> Selections) : SyntaxNode
{
    /// <summary>The selections; never null, empty when absent.</summary>
    public IReadOnlyList<SelectionNode> Selections { get; init => field = SyntaxList.Of(value); } = SyntaxList.Of(Selections);
}

/// <summary>A field, fragment spread or inline fragment inside a selection set.</summary>
public abstract record SelectionNode(IReadOnlyList<DirectiveNode> Directives) : SyntaxNode
{
    /// <summary>The directives; never null, empty when absent.</summary>
    public IReadOnlyList<DirectiveNode> Directives { get; init => field = SyntaxList.Of(value); } = SyntaxList.Of(Directives);
}

/// <summary><c>alias: name(arguments) @directives { … }</c>.</summary>
public sealed record FieldNode(
    NameNode? Alias,
    NameNode Name,
    IReadOnlyList<ArgumentNode> Arguments,
    IReadOnlyList<DirectiveNode> Directives,
    SelectionSetNode? SelectionSet) : SelectionNode(Directives)
{
    /// <summary>The arguments; never null, empty when absent.</summary>
    public IReadOnlyList<ArgumentNode> Arguments { get; init => field = SyntaxList.Of(value); } = SyntaxList.Of(Arguments);

    /// <summary>The key of the field in the response: the alias when present, otherwise the name.</summary>
    public string ResponseName => Alias?.Value ?? Name.Value;
}

/// <summary><c>...FragmentName @directives</c>.</summary>
public sealed record FragmentSpreadNode(NameNode Name, IReadOnlyList<DirectiveNode> Directives) : SelectionNode(Directives);

/// <summary><c>... on Type @directives { … }</c>; the type condition is optional.</summary>
public sealed record InlineFragmentNode(
    NamedTypeNode? TypeCondition,
    IReadOnlyList<DirectiveNode> Directives,
    SelectionSetNode SelectionSet) : SelectionNode(Directives);

/// <summary><c>name: value</c> in a field's or directive's argument list.</summary>
public sealed record ArgumentNode(NameNode Name, ValueNode Value) : SyntaxNode;

/// <summary><c>@name(arguments)</c>.</summary>
public sealed record DirectiveNode(NameNode Name, IReadOnlyList<ArgumentNode> Arguments) : SyntaxNode
{
    /// <summary>The arguments; never null, empty when absent.</summary>
    public IReadOnlyList<ArgumentNode> Arguments { get; init => field = SyntaxList.Of(value); } = SyntaxList.Of(Arguments);
}

/// <summary>A GraphQL name.</summary>
public sealed record NameNode(string Value) : SyntaxNode;
