using Crm.GraphQL.Language;

namespace Crm.GraphQL.Types;

// The mutable model both the fluent builder and SDL documents write into; Build turns it into the
// immutable schema. Locations point at SDL definitions so errors can say where a problem is.

internal abstract class TypeDraft(string name, TypeKind kind)
{
    public string Name { get; } = name;

    public TypeKind Kind { get; } = kind;

    public string? Description { get; set; }

    public Location? Location { get; set; }

    public bool IsIntrospection { get; init; }

    public List<DirectiveNode> Directives { get; } = [];

    public string KindName => Kind switch
    {
        TypeKind.Scalar => "scalar",
        TypeKind.Object => "object type",
        TypeKind.Interface => "interface",
        TypeKind.Union => "union",
        TypeKind.Enum => "enum",
        TypeKind.InputObject => "input object type",
        _ => "type",
    };
}

internal sealed class ComplexDraft(string name, TypeKind kind) : TypeDraft(name, kind)
{
    public List<NamedTypeNode> Interfaces { get; } = [];

    public List<FieldDraft> Fields { get; } = [];

    public Type? ClrType { get; set; }

    public Func<object, bool>? IsTypeOf { get; set; }

    public TypeResolver? ResolveType { get; set; }

    public FieldDraft? FindField(string fieldName) => Fields.Find(f => f.Name == fieldName);
}

internal sealed class UnionDraft(string name) : TypeDraft(name, TypeKind.Union)
{
    public List<NamedTypeNode> Members { get; } = [];

    public TypeResolver? ResolveType { get; set; }
}

internal sealed class EnumDraft(string name) : TypeDraft(name, TypeKind.Enum)
{
    public List<EnumValueDraft> Values { get; } = [];
}

internal sealed class InputObjectDraft(string name) : TypeDraft(name, TypeKind.InputObject)
{
    public List<InputValueDraft> Fields { get; } = [];

    public bool IsOneOf { get; set; }
}

internal sealed class ScalarDraft(string name) : TypeDraft(name, TypeKind.Scalar)
{
    public ScalarType? Implementation { get; set; }

    public string? SpecifiedByUrl { get; set; }
}

internal sealed class FieldDraft(string name, TypeNode type)
{
    public string Name { get; } = name;

    public TypeNode Type { get; set; } = type;

    public string? Description { get; set; }

    public string? DeprecationReason { get; set; }

    public List<InputValueDraft> Arguments { get; } = [];

    public FieldResolver? Resolver { get; set; }

    public SubscribeResolver? Subscriber { get; set; }

    public Location? Location { get; set; }

    public List<DirectiveNode> Directives { get; } = [];
}

internal sealed class InputValueDraft(string name, TypeNode type)
{
    public string Name { get; } = name;

    public TypeNode Type { get; } = type;

    public string? Description { get; set; }

    public string? DeprecationReason { get; set; }

    /// <summary>The default as written in SDL.</summary>
    public ValueNode? DefaultLiteral { get; set; }

    /// <summary>The default given in code, converted to a literal once types are known.</summary>
    public object? DefaultClrValue { get; set; }

    public bool HasClrDefault { get; set; }

    public Location? Location { get; set; }

    public List<DirectiveNode> Directives { get; } = [];
}

internal sealed class EnumValueDraft(string name)
{
    public string Name { get; } = name;

    public string? Description { get; set; }

    public string? DeprecationReason { get; set; }

    public object? Value { get; set; }

    public Location? Location { get; set; }

    public List<DirectiveNode> Directives { get; } = [];
}

internal sealed class DirectiveDraft(string name)
{
    public string Name { get; } = name;

    public string? Description { get; set; }

    public List<InputValueDraft> Arguments { get; } = [];

    public bool IsRepeatable { get; set; }

    public List<string> Locations { get; } = [];

    public Location? Location { get; set; }
}
