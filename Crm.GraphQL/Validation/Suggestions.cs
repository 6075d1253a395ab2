using System.Text;

namespace Crm.GraphQL.Validation;

/// <summary>
/// "Did you mean …?" hints: candidate names close to a misspelled one, ranked by edit distance and
/// worded like the reference implementation's messages.
/// </summary>
internal static class Suggestions
{
    private const int MaxSuggestions = 5;

    /// <summary>
    /// The options within an edit distance of about 40% of the input's length, closest first, ties
    /// in natural order. A difference in letter case alone counts as one edit.
    /// </summary>
    public static List<string> Rank(string input, IEnumerable<string> options)
    {
        var threshold = (int)Math.Floor(input.Length * 0.4) + 1;
        var inputLower = input.ToLowerInvariant();
        var found = new List<(string Option, int Distance)>();
        foreach (var option in options)
        {
            var distance = Distance(input, inputLower, option, threshold);
            if (distance <= threshold)
            {
                found.Add((option, distance));
            }
        }
        found.Sort((a, b) => a.Distance != b.Distance ? a.Distance.CompareTo(b.Distance) : NaturalCompare(a.Option, b.Option));
        return found.ConvertAll(f => f.Option);
    }

    /// <summary><c> Did you mean "a", "b", or "c"?</c> with a leading space, or an empty string without suggestions.</summary>
    public static string DidYouMean(IReadOnlyList<string> suggestions, string? subject = null)
    {
        if (suggestions.Count == 0)
        {
            return string.Empty;
        }
        var builder = new StringBuilder(" Did you mean ");
        if (subject is not null)
        {
            builder.Append(subject).Append(' ');
        }
        var count = Math.Min(suggestions.Count, MaxSuggestions);
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                builder.Append(count == 2 ? " or " : i == count - 1 ? ", or " : ", ");
            }
            builder.Append('"').Append(suggestions[i]).Append('"');
        }
        return builder.Append('?').ToString();
    }

    /// <summary>Orders strings so that runs of digits compare by numeric value: <c>a2</c> before <c>a10</c>.</summary>
    public static int NaturalCompare(string a, string b)
    {
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (char.IsAsciiDigit(a[i]) && char.IsAsciiDigit(b[j]))
            {
                var startA = i;
                var startB = j;
                while (i < a.Length && char.IsAsciiDigit(a[i]))
                {
                    i++;
                }
                while (j < b.Length && char.IsAsciiDigit(b[j]))
                {
                    j++;
                }
                var byValue = CompareDigits(a.AsSpan(startA, i - startA), b.AsSpan(startB, j - startB));
                if (byValue != 0)
                {
                    return byValue;
                }
                continue;
            }
            if (a[i] != b[j])
            {
                return a[i].CompareTo(b[j]);
            }
            i++;
            j++;
        }
        return (a.Length - i).CompareTo(b.Length - j);
    }

    private static int CompareDigits(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        a = a.TrimStart('0');
        b = b.TrimStart('0');
        return a.Length != b.Length ? a.Length.CompareTo(b.Length) : a.SequenceCompareTo(b);
    }

    /// <summary>
    /// Optimal-string-alignment distance (insertions, deletions, substitutions and adjacent
    /// transpositions) between the lower-cased strings; 0 only for identical strings.
    /// </summary>
    private static int Distance(string input, string inputLower, string option, int threshold)
    {
        if (input == option)
        {
            return 0;
        }
        var optionLower = option.ToLowerInvariant();
        if (inputLower == optionLower)
        {
            return 1;
        }
        var a = inputLower;
        var b = optionLower;
        if (Math.Abs(a.Length - b.Length) > threshold)
        {
            return int.MaxValue;
        }
        // Three rolling rows suffice: the transposition step looks two rows back.
        var rows = new int[3][];
        for (var r = 0; r < 3; r++)
        {
            rows[r] = new int[b.Length + 1];
        }
        for (var j = 0; j <= b.Length; j++)
        {
            rows[0][j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            var current = rows[i % 3];
            var previous = rows[(i - 1) % 3];
            current[0] = i;
            var smallest = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, rows[(i - 2) % 3][j - 2] + 1);
                }
                current[j] = value;
                smallest = Math.Min(smallest, value);
            }
            // Every later row is at least this row's minimum, so a row past the threshold ends the search.
            if (smallest > threshold)
            {
                return int.MaxValue;
            }
        }
        return rows[a.Length % 3][b.Length];
    }
}
