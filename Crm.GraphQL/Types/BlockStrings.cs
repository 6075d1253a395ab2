using System.Text;

namespace Crm.GraphQL.Types;

/// <summary>Printing descriptions as block strings (<c>"""…"""</c>) the way the reference printer does.</summary>
internal static class BlockStrings
{
    /// <summary>Whether the value survives a round trip through a block string unchanged.</summary>
    public static bool IsPrintable(string value)
    {
        if (value.Length == 0)
        {
            return true;
        }
        var isEmptyLine = true;
        var hasIndent = false;
        var hasCommonIndent = true;
        var seenNonEmptyLine = false;
        foreach (var c in value)
        {
            switch (c)
            {
                case '\u0000' or '\u0001' or '\u0002' or '\u0003' or '\u0004' or '\u0005' or '\u0006' or '\u0007'
                    or '\u0008' or '\u000b' or '\u000c' or '\u000e' or '\u000f' or '\r':
                    return false;
                case '\n':
                    if (isEmptyLine && !seenNonEmptyLine)
                    {
                        return false;
                    }
                    seenNonEmptyLine = true;
                    isEmptyLine = true;
                    hasIndent = false;
                    break;
                case '\t' or ' ':
                    hasIndent |= isEmptyLine;
                    break;
                default:
                    hasCommonIndent &= hasIndent;
                    isEmptyLine = false;
                    break;
            }
        }
        if (isEmptyLine)
        {
            return false;
        }
        return !(hasCommonIndent && seenNonEmptyLine);
    }

    public static string Print(string value)
    {
        var escaped = value.Replace("\"\"\"", "\\\"\"\"", StringComparison.Ordinal);
        var lines = escaped.Split(["\r\n", "\n", "\r"], StringSplitOptions.None);
        var isSingleLine = lines.Length == 1;
        var forceLeadingNewLine = lines.Length > 1 && lines.Skip(1).All(line => line.Length == 0 || IsWhiteSpace(line[0]));
        var hasTrailingTripleQuotes = escaped.EndsWith("\\\"\"\"", StringComparison.Ordinal);
        var hasTrailingQuote = value.EndsWith('"') && !hasTrailingTripleQuotes;
        var hasTrailingSlash = value.EndsWith('\\');
        var forceTrailingNewline = hasTrailingQuote || hasTrailingSlash;
        var printAsMultipleLines = !isSingleLine || value.Length > 70 || forceTrailingNewline || forceLeadingNewLine || hasTrailingTripleQuotes;
        var builder = new StringBuilder("\"\"\"");
        var skipLeadingNewLine = isSingleLine && value.Length > 0 && IsWhiteSpace(value[0]);
        if ((printAsMultipleLines && !skipLeadingNewLine) || forceLeadingNewLine)
        {
            builder.Append('\n');
        }
        builder.Append(escaped);
        if (printAsMultipleLines || forceTrailingNewline)
        {
            builder.Append('\n');
        }
        return builder.Append("\"\"\"").ToString();
    }

    private static bool IsWhiteSpace(char c) => c is ' ' or '\t';
}
