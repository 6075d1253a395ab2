using System.Text;

namespace Crm.GraphQL.Language;

/// <summary>The block string rules of the spec: the value of a raw block string, and printing a value back as one.</summary>
internal static class BlockString
{
    /// <summary>
    /// The spec's BlockStringValue: strips the indentation common to all non-blank lines but the
    /// first, drops leading and trailing blank lines, and joins the lines with line feeds.
    /// </summary>
    public static string Dedent(ReadOnlySpan<char> raw)
    {
        if (raw.IndexOfAny('\n', '\r') < 0)
        {
            return IsBlank(raw) ? string.Empty : raw.ToString();
        }

        var commonIndent = int.MaxValue;
        var firstContent = -1;
        var lastContent = -1;
        var lineIndex = 0;
        for (var rest = raw; ; lineIndex++)
        {
            var line = NextLine(ref rest, out var more);
            var indent = Indent(line);
            if (indent < line.Length)
            {
                if (firstContent < 0)
                {
                    firstContent = lineIndex;
                }
                lastContent = lineIndex;
                if (lineIndex > 0 && indent < commonIndent)
                {
                    commonIndent = indent;
                }
            }
            if (!more)
            {
                break;
            }
        }
        if (firstContent < 0)
        {
            return string.Empty;
        }

        var result = new StringBuilder(raw.Length);
        lineIndex = 0;
        for (var rest = raw; lineIndex <= lastContent; lineIndex++)
        {
            var line = NextLine(ref rest, out _);
            if (lineIndex < firstContent)
            {
                continue;
            }
            if (lineIndex > firstContent)
            {
                result.Append('\n');
            }
            result.Append(lineIndex == 0 ? line : line[Math.Min(commonIndent, line.Length)..]);
        }
        return result.ToString();
    }

    /// <summary>
    /// Prints a value as a block string the way the reference printer lays it out, or returns
    /// <see langword="null"/> when no block string has this value (for instance one starting with
    /// blank lines), so the caller prints an ordinary string instead.
    /// </summary>
    public static string? Print(string value)
    {
        var escaped = value.Replace("\"\"\"", "\\\"\"\"", StringComparison.Ordinal);
        var lines = escaped.Split(["\r\n", "\n", "\r"], StringSplitOptions.None);
        var singleLine = lines.Length == 1;

        // When every line after the first is indented, a leading line break keeps the first line
        // from being the only one exempt from indentation removal.
        var leadingBreakRequired = lines.Length > 1 && lines.Skip(1).All(l => l.Length == 0 || l[0] is ' ' or '\t');
        var endsWithEscapedQuotes = escaped.EndsWith("\\\"\"\"", StringComparison.Ordinal);
        // A final quote or backslash would merge with the closing delimiter.
        var trailingBreakRequired = (value.EndsWith('"') && !endsWithEscapedQuotes) || value.EndsWith('\\');
        var multiline = !singleLine || value.Length > 70 || trailingBreakRequired || leadingBreakRequired || endsWithEscapedQuotes;
        // A single line starting with whitespace keeps it only while it stays on the first line.
        var keepOnFirstLine = singleLine && value.Length > 0 && value[0] is ' ' or '\t';

        var builder = new StringBuilder(escaped.Length + 8).Append("\"\"\"");
        if ((multiline && !keepOnFirstLine) || leadingBreakRequired)
        {
            builder.Append('\n');
        }
        builder.Append(escaped);
        if (multiline || trailingBreakRequired)
        {
            builder.Append('\n');
        }
        var printed = builder.Append("\"\"\"").ToString();
        return Dedent(printed.AsSpan(3, printed.Length - 6).ToString().Replace("\\\"\"\"", "\"\"\"", StringComparison.Ordinal)) == value
            && !ContainsInvalidCharacter(value)
            ? printed
            : null;
    }

    private static bool ContainsInvalidCharacter(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return true;
            }
        }
        return false;
    }

    private static ReadOnlySpan<char> NextLine(ref ReadOnlySpan<char> rest, out bool more)
    {
        var end = rest.IndexOfAny('\n', '\r');
        if (end < 0)
        {
            var last = rest;
            rest = default;
            more = false;
            return last;
        }
        var line = rest[..end];
        var skip = rest[end] == '\r' && end + 1 < rest.Length && rest[end + 1] == '\n' ? 2 : 1;
        rest = rest[(end + skip)..];
        more = true;
        return line;
    }

    private static int Indent(ReadOnlySpan<char> line)
    {
        var i = 0;
        while (i < line.Length && line[i] is ' ' or '\t')
        {
            i++;
        }
        return i;
    }

    private static bool IsBlank(ReadOnlySpan<char> line) => Indent(line) == line.Length;
}
