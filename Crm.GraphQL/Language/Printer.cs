using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Crm.GraphQL.Language;

/// <summary>
/// Prints syntax nodes as GraphQL source in the conventional layout: two-space indentation, one
/// selection per line, blank lines between definitions. The output parses back to an equal node.
/// </summary>
public static partial class Printer
{
    /// <summary>Field argument lists longer than this are broken onto one argument per line.</summary>
    private const int MaxLineLength = 80;

    /// <summary>Prints any syntax node.</summary>
    /// <exception cref="InsufficientExecutionStackException">The node nests too deeply to print (only nodes built in code can).</exception>
    public static string Print(SyntaxNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        RuntimeHelpers.EnsureSufficientExecutionStack();
        return node switch
        {
            DocumentNode n => Join(n.Definitions.Select(Print), "\n\n"),
            NameNode n => n.Value,
            OperationDefinitionNode n => PrintOperation(n),
            FragmentDefinitionNode n => Join([Description(n.Description) + "fragment", Print(n.Name), "on", Print(n.TypeCondition), Directives(n.Directives), Print(n.SelectionSet)], " "),
            VariableDefinitionNode n => Description(n.Description) + Print(n.Variable) + ": " + Print(n.Type) + Wrap(" = ", PrintOptional(n.DefaultValue)) + Wrap(" ", Directives(n.Directives)),
            SelectionSetNode n => Block(n.Selections.Select(Print)),
            FieldNode n => PrintField(n),
            FragmentSpreadNode n => "..." + Print(n.Name) + Wrap(" ", Directives(n.Directives)),
            InlineFragmentNode n => Join(["...", Wrap("on ", PrintOptional(n.TypeCondition)), Directives(n.Directives), Print(n.SelectionSet)], " "),
            ArgumentNode n => Print(n.Name) + ": " + Print(n.Value),
            DirectiveNode n => "@" + Print(n.Name) + Wrap("(", Join(n.Arguments.Select(Print), ", "), ")"),
            ValueNode n => PrintValue(n),
            ObjectFieldNode n => Print(n.Name) + ": " + Print(n.Value),
            NamedTypeNode n => Print(n.Name),
            ListTypeNode n => "[" + Print(n.Type) + "]",
            NonNullTypeNode n => Print(n.Type) + "!",
            _ => PrintTypeSystem(node),
        };
    }

    private static string? PrintOptional(SyntaxNode? node) => node is null ? null : Print(node);

    private static string PrintOperation(OperationDefinitionNode node)
    {
        var prefix = Join(
        [
            Description(node.Description) + node.Operation switch
            {
                OperationType.Mutation => "mutation",
                OperationType.Subscription => "subscription",
                _ => "query",
            },
            Join([PrintOptional(node.Name), Wrap("(", Join(node.VariableDefinitions.Select(Print), ", "), ")")], string.Empty),
            Directives(node.Directives),
        ], " ");
        // An anonymous query without variables or directives prints as the shorthand selection set.
        return (prefix == "query" ? string.Empty : prefix + " ") + Print(node.SelectionSet);
    }

    private static string PrintField(FieldNode node)
    {
        var prefix = Wrap(string.Empty, PrintOptional(node.Alias), ": ") + Print(node.Name);
        var arguments = node.Arguments.Select(Print).ToList();
        var line = prefix + Wrap("(", Join(arguments, ", "), ")");
        if (line.Length > MaxLineLength)
        {
            line = prefix + Wrap("(\n", Indent(Join(arguments, "\n")), "\n)");
        }
        return Join([line, Directives(node.Directives), PrintOptional(node.SelectionSet)], " ");
    }

    private static string PrintValue(ValueNode node) => node switch
    {
        VariableNode n => "$" + Print(n.Name),
        IntValueNode n => n.Value,
        FloatValueNode n => n.Value,
        StringValueNode n => PrintString(n),
        BooleanValueNode n => n.Value ? "true" : "false",
        NullValueNode => "null",
        EnumValueNode n => n.Value,
        ListValueNode n => "[" + Join(n.Values.Select(Print), ", ") + "]",
        ObjectValueNode n => "{" + Join(n.Fields.Select(Print), ", ") + "}",
        _ => throw new ArgumentException($"Unknown value node {node.GetType().Name}.", nameof(node)),
    };

    private static string PrintString(StringValueNode node) =>
        (node.Block ? BlockString.Print(node.Value) : null) ?? QuoteString(node.Value);

    /// <summary>A double-quoted string with quotes, backslashes and control characters escaped.</summary>
    internal static string QuoteString(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case < ' ' or (>= '\u007F' and <= '\u009F'):
                    AppendUnicodeEscape(builder, c);
                    break;
                case >= '\uD800' and <= '\uDBFF' when i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]):
                    builder.Append(c).Append(value[++i]);
                    break;
                case >= '\uD800' and <= '\uDFFF':
                    // A lone surrogate is no source character; only an escape can carry it.
                    AppendUnicodeEscape(builder, c);
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }
        return builder.Append('"').ToString();
    }

    private static void AppendUnicodeEscape(StringBuilder builder, char c) =>
        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));

    private static string Description(StringValueNode? description) =>
        description is null ? string.Empty : PrintString(description) + "\n";

    private static string Directives(IReadOnlyList<DirectiveNode> directives) => Join(directives.Select(Print), " ");

    /// <summary>Joins the non-empty parts.</summary>
    private static string Join(IEnumerable<string?> parts, string separator) =>
        string.Join(separator, parts.Where(p => !string.IsNullOrEmpty(p)));

    /// <summary>Surrounds a non-empty text; an empty or missing one prints as nothing.</summary>
    private static string Wrap(string start, string? text, string end = "") =>
        string.IsNullOrEmpty(text) ? string.Empty : start + text + end;

    private static string Block(IEnumerable<string?> lines) => Wrap("{\n", Indent(Join(lines, "\n")), "\n}");

    private static string Indent(string text) =>
        Wrap("  ", text.Replace("\n", "\n  ", StringComparison.Ordinal));
}
