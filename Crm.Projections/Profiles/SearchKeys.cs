using System.Text;

namespace Crm.Projections.Profiles;

/// <summary>
/// The normalised text the customer search matches against: names and e-mails in lower case,
/// phones as their digits only (so "+44 20 7946-0000" is found by "2079460000" or "7946").
/// The same functions normalise the search input.
/// </summary>
internal static class SearchKeys
{
    public static string Name(string name) => Collapse(name).ToLowerInvariant();

    public static string Emails(IEnumerable<string> emails) => string.Join(' ', emails.Select(e => e.Trim().ToLowerInvariant()));

    public static string Phones(IEnumerable<string> phones) => string.Join(' ', phones.Select(Digits).Where(d => d.Length > 0));

    public static string Digits(string text)
    {
        var digits = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
        }
        return digits.ToString();
    }

    public static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
