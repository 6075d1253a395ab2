using Crm.GraphQL.Language;

namespace Crm.GraphQL.Types;

/// <summary>A field of an object or interface type.</summary>
public sealed class FieldDefinition : INamedDefinition
{
    internal FieldDefinition(string name, string? description, string? deprecationReason)
    {
        Name = name;
        Description = description;
        DeprecationReason = deprecationReason;
        Type = ScalarType.String;
        Arguments = DefinitionCollection<ArgumentDefinition>.Empty;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>The field's description.</summary>
    public string? Description { get; }

    /// <summary>The field's output type.</summary>
    public GraphQLType Type { get; internal set; }

    /// <summary>The field's arguments in declaration order.</summary>
    public DefinitionCollection<ArgumentDefinition> Arguments { get; internal set; }

    /// <summary>Why the field is deprecated, or <see langword="null"/> when it is not.</summary>
    public string? DeprecationReason { get; }

    /// <summary>Whether the field is deprecated.</summary>
    public bool IsDeprecated => DeprecationReason is not null;

    /// <summary>
    /// The resolver, or <see langword="null"/> for the default resolver, which reads a property, a
    /// dictionary entry or a JSON property of the parent value named like the field.
    /// </summary>
    public FieldResolver? Resolver { get; internal set; }

    /// <summary>For subscription root fields: produces the source event stream.</summary>
    public SubscribeResolver? Subscriber { get; internal set; }

    /// <summary>The object or interface type that declares the field.</summary>
    public ComplexType DeclaringType { get; internal set; } = null!;

    /// <summary>A per-CLR-type cache of the default resolver's property getter.</summary>
    internal object? DefaultResolverCache;

    /// <inheritdoc />
    public override string ToString() => DeclaringType is null ? Name : DeclaringType.Name + "." + Name;
}

/// <summary>An argument of a field or directive, or a field of an input object type.</summary>
public abstract class InputValueDefinition : INamedDefinition
{
    private protected InputValueDefinition(string name, string? description, string? deprecationReason)
    {
        Name = name;
        Description = description;
        DeprecationReason = deprecationReason;
        Type = ScalarType.String;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>The description.</summary>
    public string? Description { get; }

    /// <summary>The input type.</summary>
    public GraphQLType Type { get; internal set; }

    /// <summary>The default value as a literal, or <see langword="null"/> when there is none.</summary>
    public ValueNode? DefaultValue { get; internal set; }

    /// <summary>Whether a default value is defined (a default of <c>null</c> counts).</summary>
    public bool HasDefaultValue => DefaultValue is not null;

    /// <summary>The default value coerced to its internal form (valid only when <see cref="HasDefaultValue"/>).</summary>
    public object? CoercedDefaultValue { get; internal set; }

    /// <summary>Why the value is deprecated, or <see langword="null"/> when it is not.</summary>
    public string? DeprecationReason { get; }

    /// <summary>Whether the value is deprecated.</summary>
    public bool IsDeprecated => DeprecationReason is not null;

    /// <inheritdoc />
    public override string ToString() => Name + ": " + Type;
}

/// <summary>An argument of a field or a directive.</summary>
public sealed class ArgumentDefinition : InputValueDefinition
{
    internal ArgumentDefinition(string name, string? description, string? deprecationReason)
        : base(name, description, deprecationReason)
    {
    }
}

/// <summary>A field of an input object type.</summary>
public sealed class InputFieldDefinition : InputValueDefinition
{
    internal InputFieldDefinition(string name, string? description, string? deprecationReason)
        : base(name, description, deprecationReason)
    {
    }
}

/// <summary>A value of an enum type.</summary>
public sealed class EnumValueDefinition : INamedDefinition
{
    internal EnumValueDefinition(string name, string? description, string? deprecationReason, object value)
    {
        Name = name;
        Description = description;
        DeprecationReason = deprecationReason;
        Value = value;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>The description.</summary>
    public string? Description { get; }

    /// <summary>Why the value is deprecated, or <see langword="null"/> when it is not.</summary>
    public string? DeprecationReason { get; }

    /// <summary>Whether the value is deprecated.</summary>
    public bool IsDeprecated => DeprecationReason is not null;

    /// <summary>
    /// The internal value resolvers receive for this enum value and return to produce it:
    /// the CLR enum member for enums bound to a CLR type, otherwise the name.
    /// </summary>
    public object Value { get; }

    /// <inheritdoc />
    public override string ToString() => Name;
}
