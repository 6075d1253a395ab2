using System.Globalization;
using System.Text;
using Crm.GraphQL.Language;

namespace Crm.GraphQL.Types;

/// <summary>
/// Prints value literals the way the reference implementation's printer does, so default values
/// read the same in SDL, introspection and tools: <c>[1, 2]</c>, <c>{ a: 1 }</c>, JSON-style string
/// escapes, and lists or objects longer than a line broken over several lines.
/// </summary>
internal static class ValuePrinter
{
    private const int MaxLineLength = 80;

    public static string Print(ValueNode value) => Render(value).Text;

    /// <summary>Prints a string literal with the escapes the reference printer uses.</summary>
    public static string PrintString(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\b': builder.Append("\\b"); break;
                case '\t': builder.Append("\\t"); break;
                case '\n': builder.Append("\\n"); break;
                case '\f': builder.Append("\\f"); break;
                case '\r': builder.Append("\\r"); break;
                default:
                    if (c < 0x20 || (c >= 0x7f && c <= 0x9f))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }
                    break;
            }
        }
        builder.Append('"');
        return builder.ToString();
    }

    // Length mirrors the reference printer's measure, which counts the indentation a nested
    // multi-line value will receive; it decides when a list or object breaks over lines.
    private readonly record struct Printed(string Text, int Length, int Newlines);

    private static Printed Render(ValueNode value)
    {
        switch (value)
        {
            case VariableNode v: return Leaf("$" + v.Name.Value);
            case IntValueNode i: return Leaf(i.Value);
            case FloatValueNode f: return Leaf(f.Value);
            case StringValueNode s: return Leaf(PrintString(s.Value));
            case BooleanValueNode b: return Leaf(b.Value ? "true" : "false");
            case NullValueNode: return Leaf("null");
            case EnumValueNode e: return Leaf(e.Value);
            case ListValueNode list:
            {
                var items = new Printed[list.Values.Count];
                for (var i = 0; i < items.Length; i++)
                {
                    items[i] = Render(list.Values[i]);
                }
                return 2 + JoinedLength(items, 2) > MaxLineLength
                    ? Wrap("[\n", Indent(Join(items, "\n")), "\n]")
                    : Concat("[", Join(items, ", "), "]");
            }
            case ObjectValueNode obj:
            {
                var fields = new Printed[obj.Fields.Count];
                for (var i = 0; i < fields.Length; i++)
                {
                    var field = obj.Fields[i];
                    var inner = Render(field.Value);
                    fields[i] = new Printed(field.Name.Value + ": " + inner.Text, field.Name.Value.Length + 2 + inner.Length, inner.Newlines);
                }
                return 4 + JoinedLength(fields, 2) > MaxLineLength
                    ? Wrap("{\n", Indent(Join(fields, "\n")), "\n}")
                    : Concat("{ ", Join(fields, ", "), " }");
            }
            default:
                throw new ArgumentException($"Unexpected value node {value.GetType().Name}.", nameof(value));
        }
    }

    private static Printed Leaf(string text) => new(text, text.Length, 0);

    private static int JoinedLength(Printed[] items, int separatorLength)
    {
        var length = 0;
        foreach (var item in items)
        {
            if (item.Length != 0)
            {
                length += (length == 0 ? 0 : separatorLength) + item.Length;
            }
        }
        return length;
    }

    private static Printed Join(Printed[] items, string separator)
    {
        var text = new StringBuilder();
        int length = 0, newlines = 0;
        var first = true;
        foreach (var item in items)
        {
            if (item.Length == 0)
            {
                continue;
            }
            if (!first)
            {
                text.Append(separator);
                length += separator.Length;
                newlines += separator == "\n" ? 1 : 0;
            }
            first = false;
            text.Append(item.Text);
            length += item.Length;
            newlines += item.Newlines;
        }
        return new Printed(text.ToString(), length, newlines);
    }

    private static Printed Indent(Printed inner) =>
        inner.Length == 0
            ? inner
            : new Printed("  " + inner.Text.Replace("\n", "\n  ", StringComparison.Ordinal), inner.Length + (2 * (inner.Newlines + 1)), inner.Newlines);

    private static Printed Wrap(string start, Printed inner, string end) =>
        inner.Length == 0 ? new Printed(string.Empty, 0, 0) : Concat(start, inner, end);

    private static Printed Concat(string start, Printed inner, string end)
    {
        var text = start + inner.Text + end;
        return new Printed(text, start.Length + inner.Length + end.Length, inner.Newlines + Count(start) + Count(end));
    }

    private static int Count(string text) => text.Count(c => c == '\n');
}
