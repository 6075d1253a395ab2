using System.Diagnostics.CodeAnalysis;

namespace Crm.GraphQL.Types;

/// <summary>The kinds of GraphQL types, as introspection's <c>__TypeKind</c> names them.</summary>
public enum TypeKind
{
    /// <summary>A leaf value such as Int or a custom scalar.</summary>
    Scalar,

    /// <summary>An object type with fields.</summary>
    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The GraphQL specification names this kind OBJECT.")]
    Object,

    /// <summary>An abstract type with fields that object types implement.</summary>
    Interface,

    /// <summary>An abstract type that is one of a set of object types.</summary>
    Union,

    /// <summary>A leaf value out of a fixed set of names.</summary>
    Enum,

    /// <summary>A structured input value.</summary>
    InputObject,

    /// <summary>A list wrapper.</summary>
    List,

    /// <summary>A non-null wrapper.</summary>
    NonNull,
}
