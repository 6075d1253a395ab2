namespace Crm.GraphQL.Types;

/// <summary>
/// Any GraphQL type: a named type or a list/non-null wrapper around one.
/// <c>ToString()</c> prints the type reference as written in SDL, e.g. <c>[String!]!</c>.
/// </summary>
public abstract class GraphQLType
{
    private protected GraphQLType()
    {
    }

    /// <summary>The kind of this type.</summary>
    public abstract TypeKind Kind { get; }
}

/// <summary>A type with a name: scalar, object, interface, union, enum or input object.</summary>
public abstract class NamedType : GraphQLType
{
    private protected NamedType(string name, string? description)
    {
        Name = name;
        Description = description;
    }

    /// <summary>The type's name.</summary>
    public string Name { get; }

    /// <summary>The type's description, shown by introspection and in SDL.</summary>
    public string? Description { get; internal set; }

    /// <summary>Whether this is one of the introspection types (<c>__Schema</c>, <c>__Type</c>, …).</summary>
    public bool IsIntrospectionType => Name.StartsWith("__", StringComparison.Ordinal);

    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary><c>[T]</c>: a list of values of <see cref="OfType"/>.</summary>
public sealed class ListType : GraphQLType, IEquatable<ListType>
{
    /// <summary>Wraps <paramref name="ofType"/> in a list.</summary>
    public ListType(GraphQLType ofType)
    {
        ArgumentNullException.ThrowIfNull(ofType);
        OfType = ofType;
    }

    /// <summary>The item type.</summary>
    public GraphQLType OfType { get; }

    /// <inheritdoc />
    public override TypeKind Kind => TypeKind.List;

    /// <inheritdoc />
    public bool Equals(ListType? other) => other is not null && OfType.IsEqualType(other.OfType);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ListType other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(1, OfType);

    /// <inheritdoc />
    public override string ToString() => "[" + OfType + "]";
}

/// <summary><c>T!</c>: a value of <see cref="OfType"/> that is never null.</summary>
public sealed class NonNullType : GraphQLType, IEquatable<NonNullType>
{
    /// <summary>Wraps <paramref name="ofType"/>, which must not itself be non-null.</summary>
    public NonNullType(GraphQLType ofType)
    {
        ArgumentNullException.ThrowIfNull(ofType);
        if (ofType is NonNullType)
        {
            throw new ArgumentException($"Cannot wrap the non-null type {ofType} in another non-null type.", nameof(ofType));
        }
        OfType = ofType;
    }

    /// <summary>The nullable type this wraps.</summary>
    public GraphQLType OfType { get; }

    /// <inheritdoc />
    public override TypeKind Kind => TypeKind.NonNull;

    /// <inheritdoc />
    public bool Equals(NonNullType? other) => other is not null && OfType.IsEqualType(other.OfType);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is NonNullType other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(2, OfType);

    /// <inheritdoc />
    public override string ToString() => OfType + "!";
}
