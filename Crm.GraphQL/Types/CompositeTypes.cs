namespace Crm.GraphQL.Types;

/// <summary>An object or interface type: a type with fields that may implement interfaces.</summary>
public abstract class ComplexType : NamedType
{
    private protected ComplexType(string name, string? description)
        : base(name, description)
    {
    }

    /// <summary>The fields in declaration order, with lookup by name.</summary>
    public DefinitionCollection<FieldDefinition> Fields { get; internal set; } = DefinitionCollection<FieldDefinition>.Empty;

    /// <summary>The interfaces this type implements.</summary>
    public IReadOnlyList<InterfaceType> Interfaces { get; internal set; } = [];

    /// <summary>Whether the type declares that it implements the interface.</summary>
    public bool Implements(InterfaceType type)
    {
        foreach (var implemented in Interfaces)
        {
            if (ReferenceEquals(implemented, type))
            {
                return true;
            }
        }
        return false;
    }
}

/// <summary>An object type: a concrete set of fields.</summary>
public sealed class ObjectType : ComplexType
{
    internal ObjectType(string name, string? description)
        : base(name, description)
    {
    }

    /// <inheritdoc />
    public override TypeKind Kind => TypeKind.Object;

    /// <summary>
    /// The CLR type whose instances are values of this type; used to resolve the object type of an
    /// interface or union value.
    /// </summary>
    public Type? ClrType { get; internal set; }

    /// <summary>Decides whether a value belongs to this type, when the abstract type cannot tell.</summary>
    public Func<object, bool>? IsTypeOf { get; internal set; }
}

/// <summary>An interface type: fields that object types (and other interfaces) implement.</summary>
public sealed class InterfaceType : ComplexType
{
    internal InterfaceType(string name, string? description)
        : base(name, description)
    {
    }

    /// <inheritdoc />
    public override TypeKind Kind => TypeKind.Interface;

    /// <summary>Decides the object type of a value; optional.</summary>
    public TypeResolver? ResolveType { get; internal set; }
}

/// <summary>A union type: a value is one of several object types.</summary>
public sealed class UnionType : NamedType
{
    internal UnionType(string name, string? description)
        : base(name, description)
    {
    }

    /// <inheritdoc />
    public override TypeKind Kind => TypeKind.Union;

    /// <summary>The member types.</summary>
    public IReadOnlyList<ObjectType> Types { get; internal set; } = [];

    /// <summary>Decides the object type of a value; optional.</summary>
    public TypeResolver? ResolveType { get; internal set; }
}

/// <summary>An input object type: a structured argument value.</summary>
public sealed class InputObjectType : NamedType
{
    internal InputObjectType(string name, string? description)
        : base(name, description)
    {
    }

    /// <inheritdoc />
    public override TypeKind Kind => TypeKind.InputObject;

    /// <summary>The fields in declaration order, with lookup by name.</summary>
    public DefinitionCollection<InputFieldDefinition> Fields { get; internal set; } = DefinitionCollection<InputFieldDefinition>.Empty;

    /// <summary>Whether this is a OneOf input object (<c>@oneOf</c>): exactly one field must be given, and not as null.</summary>
    public bool IsOneOf { get; internal set; }
}
