using Crm.GraphQL.Language;

namespace Crm.GraphQL.Types;

/// <summary>Type references written as SDL strings (<c>[String!]!</c>) or given as type objects.</summary>
internal static class TypeReference
{
    public static TypeNode Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var position = 0;
        var node = ParseType(text, ref position);
        SkipIgnored(text, ref position);
        return position == text.Length ? node : throw Invalid(text);
    }

    public static TypeNode FromType(GraphQLType type) => type switch
    {
        NonNullType nonNull => new NonNullTypeNode(FromType(nonNull.OfType)),
        ListType list => new ListTypeNode(FromType(list.OfType)),
        NamedType named => new NamedTypeNode(new NameNode(named.Name)),
        _ => throw new ArgumentException("Unknown type wrapper.", nameof(type)),
    };

    public static string Print(TypeNode node) => node switch
    {
        NonNullTypeNode nonNull => Print(nonNull.Type) + "!",
        ListTypeNode list => "[" + Print(list.Type) + "]",
        NamedTypeNode named => named.Name.Value,
        _ => throw new ArgumentException("Unknown type node.", nameof(node)),
    };

    public static string NamedTypeName(TypeNode node) => node switch
    {
        NonNullTypeNode nonNull => NamedTypeName(nonNull.Type),
        ListTypeNode list => NamedTypeName(list.Type),
        NamedTypeNode named => named.Name.Value,
        _ => throw new ArgumentException("Unknown type node.", nameof(node)),
    };

    private static TypeNode ParseType(string text, ref int position)
    {
        SkipIgnored(text, ref position);
        TypeNode node;
        if (position < text.Length && text[position] == '[')
        {
            position++;
            var inner = ParseType(text, ref position);
            SkipIgnored(text, ref position);
            if (position >= text.Length || text[position] != ']')
            {
                throw Invalid(text);
            }
            position++;
            node = new ListTypeNode(inner);
        }
        else
        {
            var start = position;
            while (position < text.Length && (char.IsAsciiLetterOrDigit(text[position]) || text[position] == '_'))
            {
                position++;
            }
            if (position == start || char.IsAsciiDigit(text[start]))
            {
                throw Invalid(text);
            }
            node = new NamedTypeNode(new NameNode(text[start..position]));
        }
        SkipIgnored(text, ref position);
        if (position < text.Length && text[position] == '!')
        {
            position++;
            node = new NonNullTypeNode(node);
        }
        return node;
    }

    private static void SkipIgnored(string text, ref int position)
    {
        while (position < text.Length && (text[position] is ' ' or '\t' or ','))
        {
            position++;
        }
    }

    private static ArgumentException Invalid(string text) =>
        new($"\"{text}\" is not a valid GraphQL type reference; expected e.g. \"String\", \"[Int!]\" or \"User!\".", nameof(text));
}
