using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Crm.GraphQL.Language;

namespace Crm.GraphQL.Types;

public abstract partial class ScalarType
{
    private static readonly ScalarType DateTimeInstance = new DateTimeScalar();
    private static readonly ScalarType DateInstance = new DateScalar();
    private static readonly ScalarType DecimalInstance = new DecimalScalar();
    private static readonly ScalarType UuidInstance = new UuidScalar();

    /// <summary>
    /// <c>DateTime</c>: an instant as an RFC 3339 date-time string. Input must carry an offset
    /// (<c>Z</c> or <c>±hh:mm</c>); output is always UTC (<c>2024-05-01T12:30:00.000Z</c>, with
    /// micro- or 100-nanosecond digits only when present). Internal value: <see cref="DateTimeOffset"/>.
    /// </summary>
    public static ScalarType DateTime => DateTimeInstance;

    /// <summary><c>Date</c>: a calendar date as <c>yyyy-MM-dd</c>. Internal value: <see cref="DateOnly"/>.</summary>
    public static ScalarType Date => DateInstance;

    /// <summary>
    /// <c>Decimal</c>: an exact decimal number. Output is a JSON number written with all its digits.
    /// Input is accepted as a number (literal or JSON) or as a string such as <c>"12.50"</c>, so
    /// clients whose JSON numbers are doubles can send exact amounts. Internal value: <see cref="decimal"/>.
    /// </summary>
    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The scalar's GraphQL name is Decimal.")]
    public static ScalarType Decimal => DecimalInstance;

    /// <summary><c>UUID</c>: a UUID as a lowercase hyphenated string. Internal value: <see cref="Guid"/>.</summary>
    public static ScalarType Uuid => UuidInstance;

    /// <summary>The library scalar (DateTime, Date, Decimal or UUID) with the given name, or <see langword="null"/>.</summary>
    public static ScalarType? FromLibraryName(string name) => name switch
    {
        "DateTime" => DateTimeInstance,
        "Date" => DateInstance,
        "Decimal" => DecimalInstance,
        "UUID" => UuidInstance,
        _ => null,
    };

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex DateTimePattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    private static string? InputString(object value) => value switch
    {
        string s => s,
        JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
        _ => null,
    };

    private sealed class DateTimeScalar() : ScalarType(
        "DateTime",
        "An instant in time as an RFC 3339 date-time string with an offset, e.g. `2024-05-01T12:30:00Z`; returned in UTC.",
        "https://scalars.graphql.org/andimarek/date-time")
    {
        public override object Serialize(object value) => value switch
        {
            DateTimeOffset o => Format(o),
            DateTime { Kind: DateTimeKind.Unspecified } => throw new CoercionException($"DateTime cannot represent a date and time without an offset: {Inspect(value)}"),
            DateTime d => Format(new DateTimeOffset(d.ToUniversalTime(), TimeSpan.Zero)),
            string s => Format(Parse(s)),
            _ => throw new CoercionException($"DateTime cannot represent value: {Inspect(value)}"),
        };

        public override object ParseValue(object value) => value switch
        {
            DateTimeOffset => value,
            _ when InputString(value) is { } s => Parse(s),
            _ => throw new CoercionException($"DateTime cannot represent a non string value: {Inspect(value)}"),
        };

        public override object ParseLiteral(ValueNode literal) => literal is StringValueNode s
            ? Parse(s.Value)
            : throw new CoercionException($"DateTime cannot represent a non string value: {Print(literal)}");

        private static DateTimeOffset Parse(string text)
        {
            if (DateTimePattern().IsMatch(text)
                && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var result))
            {
                return result;
            }
            throw new CoercionException($"DateTime cannot represent an invalid date-time string: {Inspect(text)}; expected RFC 3339 with an offset, e.g. \"2024-05-01T12:30:00Z\".");
        }

        private static string Format(DateTimeOffset value)
        {
            var utc = value.UtcDateTime;
            var subMillisecond = utc.Ticks % TimeSpan.TicksPerMillisecond;
            var format = subMillisecond == 0
                ? "yyyy-MM-dd'T'HH:mm:ss.fff'Z'"
                : subMillisecond % 10 == 0 ? "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'" : "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";
            return utc.ToString(format, CultureInfo.InvariantCulture);
        }
    }

    private sealed class DateScalar() : ScalarType(
        "Date",
        "A calendar date without a time or time zone, as `yyyy-MM-dd`.",
        "https://scalars.graphql.org/andimarek/local-date")
    {
        public override object Serialize(object value) => value switch
        {
            DateOnly d => Format(d),
            DateTime d => Format(DateOnly.FromDateTime(d)),
            DateTimeOffset o => Format(DateOnly.FromDateTime(o.DateTime)),
            string s => Format(Parse(s)),
            _ => throw new CoercionException($"Date cannot represent value: {Inspect(value)}"),
        };

        public override object ParseValue(object value) => value switch
        {
            DateOnly => value,
            _ when InputString(value) is { } s => Parse(s),
            _ => throw new CoercionException($"Date cannot represent a non string value: {Inspect(value)}"),
        };

        public override object ParseLiteral(ValueNode literal) => literal is StringValueNode s
            ? Parse(s.Value)
            : throw new CoercionException($"Date cannot represent a non string value: {Print(literal)}");

        private static DateOnly Parse(string text) =>
            DatePattern().IsMatch(text) && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : throw new CoercionException($"Date cannot represent an invalid date string: {Inspect(text)}; expected yyyy-MM-dd.");

        private static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private sealed class DecimalScalar() : ScalarType(
        "Decimal",
        "An exact decimal number. Returned as a JSON number; accepted as a number or as a string such as \"12.50\".")
    {
        public override object Serialize(object value) => value switch
        {
            decimal => value,
            int or long or short or byte or sbyte or ushort or uint or ulong => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
            double d when double.IsFinite(d) => Checked(() => (decimal)d, value),
            float f when float.IsFinite(f) => Checked(() => (decimal)f, value),
            string s => ParseText(s),
            _ => throw new CoercionException($"Decimal cannot represent value: {Inspect(value)}"),
        };

        public override object ParseValue(object value) => value switch
        {
            decimal => value,
            JsonElement { ValueKind: JsonValueKind.Number } e => e.TryGetDecimal(out var m) ? m : ParseText(e.GetRawText()),
            JsonElement { ValueKind: JsonValueKind.String } e => ParseText(e.GetString()!),
            string s => ParseText(s),
            bool or JsonElement => throw new CoercionException($"Decimal cannot represent value: {Inspect(value)}"),
            _ => Serialize(value),
        };

        public override object ParseLiteral(ValueNode literal) => literal switch
        {
            IntValueNode i => ParseText(i.Value),
            FloatValueNode f => ParseText(f.Value),
            StringValueNode s => ParseText(s.Value),
            _ => throw new CoercionException($"Decimal cannot represent value: {Print(literal)}"),
        };

        public override ValueNode ToLiteral(object value)
        {
            var text = ((decimal)Serialize(value)).ToString(CultureInfo.InvariantCulture);
            return text.Contains('.', StringComparison.Ordinal) ? new FloatValueNode(text) : new IntValueNode(text);
        }

        private static decimal ParseText(string text) =>
            decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var m)
                ? m
                : throw new CoercionException($"Decimal cannot represent value: {Inspect(text)}");

        private static decimal Checked(Func<decimal> convert, object original)
        {
            try
            {
                return convert();
            }
            catch (OverflowException ex)
            {
                throw new CoercionException($"Decimal cannot represent value: {Inspect(original)}", ex);
            }
        }
    }

    private sealed class UuidScalar() : ScalarType(
        "UUID",
        "A universally unique identifier as a hyphenated hexadecimal string, e.g. `1b4e28ba-2fa1-11d2-883f-0016d3cca427`.",
        "https://www.rfc-editor.org/rfc/rfc9562")
    {
        public override object Serialize(object value) => value switch
        {
            Guid g => g.ToString("D", CultureInfo.InvariantCulture),
            string s => Parse(s).ToString("D", CultureInfo.InvariantCulture),
            _ => throw new CoercionException($"UUID cannot represent value: {Inspect(value)}"),
        };

        public override object ParseValue(object value) => value switch
        {
            Guid => value,
            _ when InputString(value) is { } s => Parse(s),
            _ => throw new CoercionException($"UUID cannot represent a non string value: {Inspect(value)}"),
        };

        public override object ParseLiteral(ValueNode literal) => literal is StringValueNode s
            ? Parse(s.Value)
            : throw new CoercionException($"UUID cannot represent a non string value: {Print(literal)}");

        private static Guid Parse(string text) =>
            Guid.TryParseExact(text, "D", out var guid)
                ? guid
                : throw new CoercionException($"UUID cannot represent an invalid UUID string: {Inspect(text)}");
    }
}
