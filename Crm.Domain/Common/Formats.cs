using System.Text.RegularExpressions;

namespace Crm.Domain.Common;

/// <summary>Shape checks for contact data. They check form only; whether an address reaches anyone is not knowable here.</summary>
internal static partial class Formats
{
    public static bool IsEmail(string value)
    {
        if (value.Length > 254 || value.Any(char.IsWhiteSpace))
        {
            return false;
        }
        var at = value.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at > 64 || at != value.LastIndexOf('@'))
        {
            return false;
        }
        var labels = value[(at + 1)..].Split('.');
        return labels.Length >= 2
            && labels.All(static l => l.Length > 0 && !l.StartsWith('-') && !l.EndsWith('-'))
            && labels[^1].Length >= 2 && labels[^1].All(char.IsLetter);
    }

    public static bool IsPhone(string value)
    {
        var body = value.StartsWith('+') ? value[1..] : value;
        if (!body.All(static c => char.IsAsciiDigit(c) || c is ' ' or '-' or '.' or '(' or ')'))
        {
            return false;
        }
        var digits = body.Count(char.IsAsciiDigit);
        return digits is >= 5 and <= 15;
    }

    public static bool IsLanguageTag(string value) => LanguageTag().IsMatch(value);

    public static bool IsCountryCode(string value) => value is { Length: 2 } && value.All(static c => c is >= 'A' and <= 'Z');

    // language (ISO 639), optional script (ISO 15924), optional region (ISO 3166 or UN M.49).
    [GeneratedRegex("^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageTag();
}
