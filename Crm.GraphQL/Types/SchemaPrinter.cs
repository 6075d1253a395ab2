using System.Text;

namespace Crm.GraphQL.Types;

/// <summary>
/// Prints a schema as SDL, formatted like the reference implementation's <c>printSchema</c>:
/// descriptions as block strings, <c>@deprecated</c>, <c>@specifiedBy</c> and <c>@oneOf</c> where
/// they apply, built-in scalars, built-in directives and introspection types left out, and a
/// <c>schema { … }</c> block only when the root types are not named Query, Mutation and Subscription
/// (or the schema has a description).
/// </summary>
public static class SchemaPrinter
{
    /// <summary>Prints the schema's SDL (without a trailing newline).</summary>
    public static string Print(Schema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var parts = new List<string>();
        if (PrintSchemaDefinition(schema) is { } definition)
        {
            parts.Add(definition);
        }
        foreach (var directive in schema.Directives)
        {
            if (!directive.IsBuiltIn && !BuiltInDirectives.IsBuiltInName(directive.Name))
            {
                parts.Add(PrintDirective(directive));
            }
        }
        foreach (var type in schema.Types)
        {
            if (!type.IsIntrospectionType && !ScalarType.IsBuiltInName(type.Name))
            {
                parts.Add(PrintType(type));
            }
        }
        return string.Join("\n\n", parts);
    }

    /// <summary>Prints one named type's definition.</summary>
    public static string PrintType(NamedType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type switch
        {
            ScalarType scalar => Description(scalar.Description) + "scalar " + scalar.Name + SpecifiedBy(scalar),
            ObjectType obj => Description(obj.Description) + "type " + obj.Name + Implements(obj) + Fields(obj),
            InterfaceType iface => Description(iface.Description) + "interface " + iface.Name + Implements(iface) + Fields(iface),
            UnionType union => Description(union.Description) + "union " + union.Name + (union.Types.Count > 0 ? " = " + string.Join(" | ", union.Types.Select(t => t.Name)) : string.Empty),
            EnumType enumType => Description(enumType.Description) + "enum " + enumType.Name + Block(enumType.Values.Select((v, i) =>
                Description(v.Description, "  ", i == 0) + "  " + v.Name + Deprecated(v.DeprecationReason))),
            InputObjectType input => Description(input.Description) + "input " + input.Name + (input.IsOneOf ? " @oneOf" : string.Empty) + Block(input.Fields.Select((f, i) =>
                Description(f.Description, "  ", i == 0) + "  " + InputValue(f))),
            _ => throw new ArgumentException($"Unexpected type {type.GetType().Name}.", nameof(type)),
        };
    }

    private static string? PrintSchemaDefinition(Schema schema)
    {
        var isDefault = ReferenceEquals(schema.QueryType, schema.GetType("Query"))
            && ReferenceEquals(schema.MutationType, schema.GetType("Mutation"))
            && ReferenceEquals(schema.SubscriptionType, schema.GetType("Subscription"));
        if (schema.Description is null && isDefault)
        {
            return null;
        }
        var builder = new StringBuilder(Description(schema.Description)).Append("schema {\n");
        builder.Append("  query: ").Append(schema.QueryType.Name).Append('\n');
        if (schema.MutationType is { } mutation)
        {
            builder.Append("  mutation: ").Append(mutation.Name).Append('\n');
        }
        if (schema.SubscriptionType is { } subscription)
        {
            builder.Append("  subscription: ").Append(subscription.Name).Append('\n');
        }
        return builder.Append('}').ToString();
    }

    private static string PrintDirective(DirectiveDefinition directive) =>
        Description(directive.Description) + "directive @" + directive.Name + Arguments(directive.Arguments, string.Empty)
        + (directive.IsRepeatable ? " repeatable" : string.Empty)
        + " on " + string.Join(" | ", directive.Locations.Select(l => l.ToSdlName()));

    private static string Implements(ComplexType type) =>
        type.Interfaces.Count > 0 ? " implements " + string.Join(" & ", type.Interfaces.Select(i => i.Name)) : string.Empty;

    private static string Fields(ComplexType type) =>
        Block(type.Fields.Select((f, i) =>
            Description(f.Description, "  ", i == 0) + "  " + f.Name + Arguments(f.Arguments, "  ") + ": " + f.Type + Deprecated(f.DeprecationReason)));

    private static string Block(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count != 0 ? " {\n" + string.Join("\n", list) + "\n}" : string.Empty;
    }

    private static string Arguments(DefinitionCollection<ArgumentDefinition> arguments, string indentation)
    {
        if (arguments.Count == 0)
        {
            return string.Empty;
        }
        if (arguments.All(a => a.Description is null))
        {
            return "(" + string.Join(", ", arguments.Select(InputValue)) + ")";
        }
        return "(\n"
            + string.Join("\n", arguments.Select((a, i) => Description(a.Description, "  " + indentation, i == 0) + "  " + indentation + InputValue(a)))
            + "\n" + indentation + ")";
    }

    private static string InputValue(InputValueDefinition value)
    {
        var text = value.Name + ": " + value.Type;
        if (value.DefaultValue is { } literal)
        {
            text += " = " + ValuePrinter.Print(literal);
        }
        return text + Deprecated(value.DeprecationReason);
    }

    private static string Deprecated(string? reason) => reason switch
    {
        null => string.Empty,
        BuiltInDirectives.DefaultDeprecationReason => " @deprecated",
        _ => " @deprecated(reason: " + ValuePrinter.PrintString(reason) + ")",
    };

    private static string SpecifiedBy(ScalarType scalar) =>
        scalar.SpecifiedByUrl is null ? string.Empty : " @specifiedBy(url: " + ValuePrinter.PrintString(scalar.SpecifiedByUrl) + ")";

    private static string Description(string? description, string indentation = "", bool firstInBlock = true)
    {
        if (description is null)
        {
            return string.Empty;
        }
        var text = BlockStrings.IsPrintable(description) ? BlockStrings.Print(description) : ValuePrinter.PrintString(description);
        var prefix = indentation.Length > 0 && !firstInBlock ? "\n" + indentation : indentation;
        return prefix + text.Replace("\n", "\n" + indentation, StringComparison.Ordinal) + "\n";
    }
}
