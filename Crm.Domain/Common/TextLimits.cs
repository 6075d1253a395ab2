namespace Crm.Domain.Common;

/// <summary>The longest text each kind of field accepts; longer input is refused with <see cref="DomainErrors.TextTooLong"/>.</summary>
public static class TextLimits
{
    /// <summary>One line: names, SKUs, plans, queues, teams, topics, subjects.</summary>
    public const int Line = 200;

    /// <summary>A paragraph: reasons, resolutions, offer descriptions, address lines.</summary>
    public const int Paragraph = 2_000;

    /// <summary>A document: descriptions, notes, summaries, comments.</summary>
    public const int Document = 10_000;
}
