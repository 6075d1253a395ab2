using System.Runtime.CompilerServices;
using Crm.GraphQL.Language;

namespace Crm.GraphQL.Types;

/// <summary>Configures the fields and interfaces of an object or interface type.</summary>
/// <typeparam name="TSelf">The concrete builder, returned for chaining.</typeparam>
public abstract class ComplexTypeBuilder<TSelf>
    where TSelf : ComplexTypeBuilder<TSelf>
{
    private protected ComplexTypeBuilder(SchemaBuilder schema, ComplexDraft draft)
    {
        Schema = schema;
        Draft = draft;
    }

    private protected SchemaBuilder Schema { get; }

    internal ComplexDraft Draft { get; }

    private TSelf Self => (TSelf)this;

    /// <summary>Sets the description.</summary>
    public TSelf Description(string? description)
    {
        Draft.Description = description;
        return Self;
    }

    /// <summary>Declares implemented interfaces by name.</summary>
    public TSelf Implements(params string[] interfaces)
    {
        ArgumentNullException.ThrowIfNull(interfaces);
        foreach (var name in interfaces)
        {
            Draft.Interfaces.Add(new NamedTypeNode(new NameNode(name)));
        }
        return Self;
    }

    /// <summary>Adds a field (or reconfigures an existing one of the same name).</summary>
    /// <param name="name">The field's name.</param>
    /// <param name="type">Its type in SDL notation, e.g. <c>"String!"</c> or <c>"[User!]!"</c>.</param>
    /// <param name="configure">Sets arguments, description, deprecation and the resolver.</param>
    public TSelf Field(string name, string type, Action<FieldBuilder>? configure = null) =>
        AddField(name, TypeReference.Parse(type), configure);

    /// <summary>Adds a field whose type is given as a type object.</summary>
    public TSelf Field(string name, GraphQLType type, Action<FieldBuilder>? configure = null) =>
        AddField(name, Schema.Reference(type), configure);

    /// <summary>Adds a field with a synchronous resolver.</summary>
    public TSelf Field(string name, string type, Func<IResolverContext, object?> resolve, string? description = null) =>
        AddField(name, TypeReference.Parse(type), f => f.Resolve(resolve).Description(description));

    /// <summary>Adds a field with an asynchronous resolver.</summary>
    [OverloadResolutionPriority(1)]
    public TSelf Field<T>(string name, string type, Func<IResolverContext, Task<T>> resolve, string? description = null) =>
        AddField(name, TypeReference.Parse(type), f => f.Resolve(resolve).Description(description));

    /// <summary>Adds a field with an asynchronous resolver.</summary>
    public TSelf Field<T>(string name, string type, Func<IResolverContext, ValueTask<T>> resolve, string? description = null) =>
        AddField(name, TypeReference.Parse(type), f => f.Resolve(resolve).Description(description));

    private TSelf AddField(string name, TypeNode type, Action<FieldBuilder>? configure)
    {
        ArgumentNullException.ThrowIfNull(name);
        var field = Draft.FindField(name);
        if (field is null)
        {
            field = new FieldDraft(name, type);
            Draft.Fields.Add(field);
        }
        else
        {
            field.Type = type;
        }
        configure?.Invoke(new FieldBuilder(Schema, field));
        return Self;
    }
}

/// <summary>Configures an object type.</summary>
public sealed class ObjectTypeBuilder : ComplexTypeBuilder<ObjectTypeBuilder>
{
    internal ObjectTypeBuilder(SchemaBuilder schema, ComplexDraft draft)
        : base(schema, draft)
    {
    }

    /// <summary>Binds a CLR type: its instances are values of this type when an interface or union is resolved.</summary>
    public ObjectTypeBuilder ClrType<T>() => ClrType(typeof(T));

    /// <summary>Binds a CLR type: its instances are values of this type when an interface or union is resolved.</summary>
    public ObjectTypeBuilder ClrType(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        Draft.ClrType = type;
        return this;
    }

    /// <summary>Decides whether a value belongs to this type, for interfaces and unions without a type resolver.</summary>
    public ObjectTypeBuilder IsTypeOf(Func<object, bool> isTypeOf)
    {
        ArgumentNullException.ThrowIfNull(isTypeOf);
        Draft.IsTypeOf = isTypeOf;
        return this;
    }
}

/// <summary>Configures an interface type.</summary>
public sealed class InterfaceTypeBuilder : ComplexTypeBuilder<InterfaceTypeBuilder>
{
    internal InterfaceTypeBuilder(SchemaBuilder schema, ComplexDraft draft)
        : base(schema, draft)
    {
    }

    /// <summary>Decides the object type (by name) of a value of this interface.</summary>
    public InterfaceTypeBuilder ResolveType(Func<object, string?> resolveType)
    {
        ArgumentNullException.ThrowIfNull(resolveType);
        Draft.ResolveType = (value, _) => resolveType(value);
        return this;
    }
}

/// <summary>Configures a union type.</summary>
public sealed class UnionTypeBuilder
{
    internal UnionTypeBuilder(UnionDraft draft) => Draft = draft;

    internal UnionDraft Draft { get; }

    /// <summary>Sets the description.</summary>
    public UnionTypeBuilder Description(string? description)
    {
        Draft.Description = description;
        return this;
    }

    /// <summary>Adds member object types by name.</summary>
    public UnionTypeBuilder Types(params string[] members)
    {
        ArgumentNullException.ThrowIfNull(members);
        foreach (var member in members)
        {
            Draft.Members.Add(new NamedTypeNode(new NameNode(member)));
        }
        return this;
    }

    /// <summary>Decides the object type (by name) of a value of this union.</summary>
    public UnionTypeBuilder ResolveType(Func<object, string?> resolveType)
    {
        ArgumentNullException.ThrowIfNull(resolveType);
        Draft.ResolveType = (value, _) => resolveType(value);
        return this;
    }
}

/// <summary>Configures an enum type.</summary>
public sealed class EnumTypeBuilder
{
    internal EnumTypeBuilder(EnumDraft draft) => Draft = draft;

    internal EnumDraft Draft { get; }

    /// <summary>Sets the description.</summary>
    public EnumTypeBuilder Description(string? description)
    {
        Draft.Description = description;
        return this;
    }

    /// <summary>
    /// Adds a value (or reconfigures the one with that name).
    /// </summary>
    /// <param name="name">The value's name, conventionally <c>UPPER_CASE</c>.</param>
    /// <param name="value">The internal value resolvers see and return; the name when omitted.</param>
    /// <param name="description">The description.</param>
    /// <param name="deprecationReason">When set, the value is deprecated for this reason.</param>
    public EnumTypeBuilder Value(string name, object? value = null, string? description = null, string? deprecationReason = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        var draft = Draft.Values.Find(v => v.Name == name);
        if (draft is null)
        {
            draft = new EnumValueDraft(name);
            Draft.Values.Add(draft);
        }
        draft.Value = value ?? draft.Value;
        draft.Description = description ?? draft.Description;
        draft.DeprecationReason = deprecationReason ?? draft.DeprecationReason;
        return this;
    }
}

/// <summary>Configures an input object type.</summary>
public sealed class InputObjectTypeBuilder
{
    private readonly SchemaBuilder _schema;

    internal InputObjectTypeBuilder(SchemaBuilder schema, InputObjectDraft draft)
    {
        _schema = schema;
        Draft = draft;
    }

    internal InputObjectDraft Draft { get; }

    /// <summary>Sets the description.</summary>
    public InputObjectTypeBuilder Description(string? description)
    {
        Draft.Description = description;
        return this;
    }

    /// <summary>Makes this a OneOf input object: exactly one field must be given, and not as null.</summary>
    public InputObjectTypeBuilder OneOf(bool isOneOf = true)
    {
        Draft.IsOneOf = isOneOf;
        return this;
    }

    /// <summary>Adds a field.</summary>
    /// <param name="name">The field's name.</param>
    /// <param name="type">Its input type in SDL notation.</param>
    /// <param name="configure">Sets the description, default value or deprecation.</param>
    public InputObjectTypeBuilder Field(string name, string type, Action<InputValueBuilder>? configure = null) =>
        AddField(new InputValueDraft(name, TypeReference.Parse(type)), configure);

    /// <summary>Adds a field with a default value given as a CLR value.</summary>
    public InputObjectTypeBuilder Field<T>(string name, string type, T defaultValue, string? description = null) =>
        AddField(new InputValueDraft(name, TypeReference.Parse(type)) { DefaultClrValue = defaultValue, HasClrDefault = true, Description = description }, null);

    /// <summary>Adds a field whose type is given as a type object.</summary>
    public InputObjectTypeBuilder Field(string name, GraphQLType type, Action<InputValueBuilder>? configure = null) =>
        AddField(new InputValueDraft(name, _schema.Reference(type)), configure);

    private InputObjectTypeBuilder AddField(InputValueDraft field, Action<InputValueBuilder>? configure)
    {
        Draft.Fields.Add(field);
        configure?.Invoke(new InputValueBuilder(field));
        return this;
    }
}

/// <summary>Configures a custom directive definition.</summary>
public sealed class DirectiveBuilder
{
    internal DirectiveBuilder(DirectiveDraft draft) => Draft = draft;

    internal DirectiveDraft Draft { get; }

    /// <summary>Sets the description.</summary>
    public DirectiveBuilder Description(string? description)
    {
        Draft.Description = description;
        return this;
    }

    /// <summary>Allows the directive more than once per location.</summary>
    public DirectiveBuilder Repeatable(bool repeatable = true)
    {
        Draft.IsRepeatable = repeatable;
        return this;
    }

    /// <summary>Adds locations where the directive may appear.</summary>
    public DirectiveBuilder Locations(params DirectiveLocation[] locations)
    {
        ArgumentNullException.ThrowIfNull(locations);
        foreach (var location in locations)
        {
            Draft.Locations.Add(location.ToSdlName());
        }
        return this;
    }

    /// <summary>Adds an argument.</summary>
    public DirectiveBuilder Argument(string name, string type, Action<InputValueBuilder>? configure = null)
    {
        var argument = new InputValueDraft(name, TypeReference.Parse(type));
        Draft.Arguments.Add(argument);
        configure?.Invoke(new InputValueBuilder(argument));
        return this;
    }
}
