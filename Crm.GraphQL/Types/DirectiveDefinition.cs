namespace Crm.GraphQL.Types;

/// <summary>A directive the schema supports, built-in (<c>@skip</c>, <c>@include</c>, …) or custom.</summary>
public sealed class DirectiveDefinition : INamedDefinition
{
    internal DirectiveDefinition(string name, string? description, IReadOnlyList<DirectiveLocation> locations, bool isRepeatable)
    {
        Name = name;
        Description = description;
        Locations = locations;
        IsRepeatable = isRepeatable;
        Arguments = DefinitionCollection<ArgumentDefinition>.Empty;
    }

    /// <summary>The directive's name, without the <c>@</c>.</summary>
    public string Name { get; }

    /// <summary>The description.</summary>
    public string? Description { get; }

    /// <summary>Where the directive may appear.</summary>
    public IReadOnlyList<DirectiveLocation> Locations { get; }

    /// <summary>The directive's arguments.</summary>
    public DefinitionCollection<ArgumentDefinition> Arguments { get; internal set; }

    /// <summary>Whether the directive may appear more than once at one location.</summary>
    public bool IsRepeatable { get; }

    /// <summary>Whether this is one of the directives the specification defines.</summary>
    public bool IsBuiltIn => BuiltInDirectives.IsBuiltIn(this);

    /// <summary><c>@skip(if: Boolean!)</c>.</summary>
    public static DirectiveDefinition Skip => BuiltInDirectives.Skip;

    /// <summary><c>@include(if: Boolean!)</c>.</summary>
    public static DirectiveDefinition Include => BuiltInDirectives.Include;

    /// <summary><c>@deprecated(reason: String! = "No longer supported")</c>.</summary>
    public static DirectiveDefinition Deprecated => BuiltInDirectives.Deprecated;

    /// <summary><c>@specifiedBy(url: String!)</c>.</summary>
    public static DirectiveDefinition SpecifiedBy => BuiltInDirectives.SpecifiedBy;

    /// <summary><c>@oneOf</c>.</summary>
    public static DirectiveDefinition OneOf => BuiltInDirectives.OneOf;

    /// <inheritdoc />
    public override string ToString() => "@" + Name;
}

/// <summary>The directives every schema has.</summary>
internal static class BuiltInDirectives
{
    public const string DefaultDeprecationReason = "No longer supported";

    public static readonly DirectiveDefinition Skip = Create(
        "skip",
        "Directs the executor to skip this field or fragment when the `if` argument is true.",
        [DirectiveLocation.Field, DirectiveLocation.FragmentSpread, DirectiveLocation.InlineFragment],
        Arg("if", "Skipped when true.", new NonNullType(ScalarType.Boolean)));

    public static readonly DirectiveDefinition Include = Create(
        "include",
        "Directs the executor to include this field or fragment only when the `if` argument is true.",
        [DirectiveLocation.Field, DirectiveLocation.FragmentSpread, DirectiveLocation.InlineFragment],
        Arg("if", "Included when true.", new NonNullType(ScalarType.Boolean)));

    public static readonly DirectiveDefinition Deprecated = Create(
        "deprecated",
        "Marks an element of a GraphQL schema as no longer supported.",
        [DirectiveLocation.FieldDefinition, DirectiveLocation.ArgumentDefinition, DirectiveLocation.InputFieldDefinition, DirectiveLocation.EnumValue],
        Arg(
            "reason",
            "Why the element is deprecated and what to use instead, in Markdown.",
            new NonNullType(ScalarType.String),
            DefaultDeprecationReason));

    public static readonly DirectiveDefinition SpecifiedBy = Create(
        "specifiedBy",
        "Exposes a URL that specifies the behavior of this scalar.",
        [DirectiveLocation.Scalar],
        Arg("url", "The URL that specifies the behavior of this scalar.", new NonNullType(ScalarType.String)));

    public static readonly DirectiveDefinition OneOf = Create(
        "oneOf",
        "Indicates exactly one field must be supplied and this field must not be `null`.",
        [DirectiveLocation.InputObject]);

    public static readonly DirectiveDefinition[] All = [Include, Skip, Deprecated, SpecifiedBy, OneOf];

    public static bool IsBuiltIn(DirectiveDefinition directive) => Array.IndexOf(All, directive) >= 0;

    public static bool IsBuiltInName(string name) =>
        name is "skip" or "include" or "deprecated" or "specifiedBy" or "oneOf";

    private static DirectiveDefinition Create(string name, string description, DirectiveLocation[] locations, params ArgumentDefinition[] arguments) =>
        new(name, description, locations, isRepeatable: false) { Arguments = new DefinitionCollection<ArgumentDefinition>(arguments) };

    private static ArgumentDefinition Arg(string name, string description, GraphQLType type, string? defaultValue = null)
    {
        var argument = new ArgumentDefinition(name, description, deprecationReason: null) { Type = type };
        if (defaultValue is not null)
        {
            argument.DefaultValue = new Language.StringValueNode(defaultValue, Block: false);
            argument.CoercedDefaultValue = defaultValue;
        }
        return argument;
    }
}
