namespace Crm.Domain.Common;

/// <summary>An amount of money in a currency. The currency is an ISO-4217-style code of three upper-case letters.</summary>
/// <remarks>
/// A <see cref="Money"/> with a malformed currency cannot exist: the constructor and <c>with</c>
/// throw. Callers that hold untrusted input check <see cref="IsCurrencyCode"/> first and answer
/// with <see cref="DomainErrors.MoneyCurrencyInvalid"/>.
/// </remarks>
public sealed record Money(decimal Amount, string Currency)
{
    private readonly string _currency = CheckedCurrency(Currency);

    /// <summary>The three-letter upper-case currency code, e.g. <c>EUR</c>.</summary>
    public string Currency
    {
        get => _currency;
        init => _currency = CheckedCurrency(value);
    }

    /// <summary>Whether <paramref name="code"/> has the shape of a currency code: exactly three letters A–Z.</summary>
    public static bool IsCurrencyCode(string? code) =>
        code is { Length: 3 } && code.All(static c => c is >= 'A' and <= 'Z');

    /// <summary>The amount with its currency, e.g. <c>12.50 EUR</c>.</summary>
    public override string ToString() => FormattableString.Invariant($"{Amount:0.00##} {Currency}");

    private static string CheckedCurrency(string code) =>
        IsCurrencyCode(code)
            ? code
            : throw new ArgumentException($"'{code}' is not a currency code; use three upper-case letters such as EUR or USD.", nameof(code));
}
