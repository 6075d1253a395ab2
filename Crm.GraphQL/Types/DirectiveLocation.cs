using System.Diagnostics.CodeAnalysis;

namespace Crm.GraphQL.Types;

/// <summary>Where a directive may be used, as introspection's <c>__DirectiveLocation</c> names it.</summary>
public enum DirectiveLocation
{
    /// <summary>On a query operation.</summary>
    Query,

    /// <summary>On a mutation operation.</summary>
    Mutation,

    /// <summary>On a subscription operation.</summary>
    Subscription,

    /// <summary>On a field selection.</summary>
    Field,

    /// <summary>On a fragment definition.</summary>
    FragmentDefinition,

    /// <summary>On a fragment spread.</summary>
    FragmentSpread,

    /// <summary>On an inline fragment.</summary>
    InlineFragment,

    /// <summary>On a variable definition.</summary>
    VariableDefinition,

    /// <summary>On the schema definition.</summary>
    Schema,

    /// <summary>On a scalar type definition.</summary>
    Scalar,

    /// <summary>On an object type definition.</summary>
    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The GraphQL specification names this location OBJECT.")]
    Object,

    /// <summary>On a field definition.</summary>
    FieldDefinition,

    /// <summary>On an argument definition.</summary>
    ArgumentDefinition,

    /// <summary>On an interface type definition.</summary>
    Interface,

    /// <summary>On a union type definition.</summary>
    Union,

    /// <summary>On an enum type definition.</summary>
    Enum,

    /// <summary>On an enum value definition.</summary>
    EnumValue,

    /// <summary>On an input object type definition.</summary>
    InputObject,

    /// <summary>On an input field definition.</summary>
    InputFieldDefinition,
}

/// <summary>Conversions between <see cref="DirectiveLocation"/> and its SDL spelling (<c>FIELD_DEFINITION</c>).</summary>
public static class DirectiveLocationNames
{
    private static readonly string[] Names =
    [
        "QUERY", "MUTATION", "SUBSCRIPTION", "FIELD", "FRAGMENT_DEFINITION", "FRAGMENT_SPREAD",
        "INLINE_FRAGMENT", "VARIABLE_DEFINITION", "SCHEMA", "SCALAR", "OBJECT", "FIELD_DEFINITION",
        "ARGUMENT_DEFINITION", "INTERFACE", "UNION", "ENUM", "ENUM_VALUE", "INPUT_OBJECT",
        "INPUT_FIELD_DEFINITION",
    ];

    /// <summary>The SDL name of a location, e.g. <c>FIELD_DEFINITION</c>.</summary>
    public static string ToSdlName(this DirectiveLocation location) => Names[(int)location];

    /// <summary>Parses an SDL location name.</summary>
    public static bool TryParse(string name, out DirectiveLocation location)
    {
        var index = Array.IndexOf(Names, name);
        location = (DirectiveLocation)Math.Max(index, 0);
        return index >= 0;
    }
}
