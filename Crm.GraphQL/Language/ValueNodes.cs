namespace Crm.GraphQL.Language;

/// <summary>An input value literal (or a variable reference).</summary>
public abstract record ValueNode : SyntaxNode;

/// <summary><c>$name</c>.</summary>
public sealed record VariableNode(NameNode Name) : ValueNode;

/// <summary>An integer literal, kept as written so that coercion decides its range.</summary>
public sealed record IntValueNode(string Value) : ValueNode;

/// <summary>A float literal, kept as written.</summary>
public sealed record FloatValueNode(string Value) : ValueNode;

/// <summary>A string literal with escapes resolved; <paramref name="Block"/> tells whether it was written as a block string.</summary>
public sealed record StringValueNode(string Value, bool Block) : ValueNode;

/// <summary><c>true</c> or <c>false</c>.</summary>
public sealed record BooleanValueNode(bool Value) : ValueNode;

/// <summary><c>null</c>.</summary>
public sealed record NullValueNode() : ValueNode;

/// <summary>An enum value: a name other than <c>true</c>, <c>false</c> and <c>null</c>.</summary>
public sealed record EnumValueNode(string Value) : ValueNode;

/// <summary><c>[value…]</c>.</summary>
public sealed record ListValueNode(IReadOnlyList<ValueNode> Values) : ValueNode
{
    /// <summary>The values; never null, empty when absent.</summary>
    public IReadOnlyList<ValueNode> Values { get; init => field = SyntaxList.Of(value); } = SyntaxList.Of(Values);
}

/// <summary><c>{ name: value… }</c>.</summary>
public sealed record ObjectValueNode(IReadOnlyList<ObjectFieldNode> Fields) : ValueNode
{
    /// <summary>The fields; never null, empty when absent.</summary>
    public IReadOnlyList<ObjectFieldNode> Fields { get; init => field = SyntaxList.Of(value); } = SyntaxList.Of(Fields);
}

/// <summary><c>name: value</c> inside an object literal.</summary>
public sealed record ObjectFieldNode(NameNode Name, ValueNode Value) : SyntaxNode;
