using System.Text.Json;
using Crm.GraphQL.Language;
using Crm.GraphQL.Types;

namespace Crm.Tests.GraphQL.Types;

public sealed class ScalarCoercionTests
{
    private static ValueNode Literal(string text) => Parser.ParseValue(text);

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    [Theory]
    [InlineData("0", 0)]
    [InlineData("-2147483648", int.MinValue)]
    [InlineData("2147483647", int.MaxValue)]
    public void Int_ParseLiteral_AcceptsIntegersIn32BitRange(string literal, int expected) =>
        Assert.Equal(expected, ScalarType.Int.ParseLiteral(Literal(literal)));

    [Theory]
    [InlineData("1.5", "Int cannot represent non-integer value: 1.5")]
    [InlineData("1.0", "Int cannot represent non-integer value: 1.0")]
    [InlineData("\"1\"", "Int cannot represent non-integer value: \"1\"")]
    [InlineData("2147483648", "Int cannot represent non 32-bit signed integer value: 2147483648")]
    [InlineData("-2147483649", "Int cannot represent non 32-bit signed integer value: -2147483649")]
    [InlineData("true", "Int cannot represent non-integer value: true")]
    public void Int_ParseLiteral_RejectsOtherLiterals(string literal, string message) =>
        Assert.Equal(message, Assert.Throws<CoercionException>(() => ScalarType.Int.ParseLiteral(Literal(literal))).Message);

    [Fact]
    public void Int_ParseValue_AcceptsJsonIntegersAndIntegralNumbers()
    {
        Assert.Equal(7, ScalarType.Int.ParseValue(Json("7")));
        Assert.Equal(7, ScalarType.Int.ParseValue(Json("7.0")));
        Assert.Equal(7, ScalarType.Int.ParseValue(7L));
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("\"1\"")]
    [InlineData("true")]
    [InlineData("2147483648")]
    [InlineData("1e100")]
    public void Int_ParseValue_RejectsNonIntegers_Strings_AndOutOfRange(string json) =>
        Assert.Throws<CoercionException>(() => ScalarType.Int.ParseValue(Json(json)));

    [Fact]
    public void Int_Serialize_CoercesIntegralValues_AndRejectsFractionsAndOverflow()
    {
        Assert.Equal(3, ScalarType.Int.Serialize(3.0));
        Assert.Equal(1, ScalarType.Int.Serialize(true));
        Assert.Equal(12, ScalarType.Int.Serialize(12L));
        Assert.Equal("Int cannot represent non-integer value: 1.5", Assert.Throws<CoercionException>(() => ScalarType.Int.Serialize(1.5)).Message);
        Assert.Equal("Int cannot represent non 32-bit signed integer value: 10000000000", Assert.Throws<CoercionException>(() => ScalarType.Int.Serialize(10_000_000_000L)).Message);
        Assert.Throws<CoercionException>(() => ScalarType.Int.Serialize("abc"));
    }

    [Fact]
    public void Float_AcceptsIntegersAndFloats_RejectsNonFiniteAndStrings()
    {
        Assert.Equal(1.0, ScalarType.Float.ParseLiteral(Literal("1")));
        Assert.Equal(1.5e3, ScalarType.Float.ParseLiteral(Literal("1.5e3")));
        Assert.Equal(2.0, ScalarType.Float.ParseValue(Json("2")));
        Assert.Throws<CoercionException>(() => ScalarType.Float.ParseLiteral(Literal("\"1.5\"")));
        Assert.Throws<CoercionException>(() => ScalarType.Float.ParseValue(Json("\"1.5\"")));
        Assert.Throws<CoercionException>(() => ScalarType.Float.ParseValue(double.NaN));
        Assert.Throws<CoercionException>(() => ScalarType.Float.ParseValue(double.PositiveInfinity));
        Assert.Equal("Float cannot represent non numeric value: NaN", Assert.Throws<CoercionException>(() => ScalarType.Float.Serialize(double.NaN)).Message);
        Assert.Throws<CoercionException>(() => ScalarType.Float.Serialize(double.NegativeInfinity));
        Assert.Equal(4.0, ScalarType.Float.Serialize(4));
    }

    [Fact]
    public void String_AcceptsOnlyStringsAsInput_AndSerializesPrimitives()
    {
        Assert.Equal("a", ScalarType.String.ParseLiteral(Literal("\"a\"")));
        Assert.Equal("a", ScalarType.String.ParseValue(Json("\"a\"")));
        Assert.Equal("String cannot represent a non string value: 1", Assert.Throws<CoercionException>(() => ScalarType.String.ParseLiteral(Literal("1"))).Message);
        Assert.Throws<CoercionException>(() => ScalarType.String.ParseValue(Json("1")));
        Assert.Equal("true", ScalarType.String.Serialize(true));
        Assert.Equal("1.5", ScalarType.String.Serialize(1.5));
        Assert.Throws<CoercionException>(() => ScalarType.String.Serialize(new object()));
    }

    [Fact]
    public void Boolean_AcceptsOnlyBooleansAsInput()
    {
        Assert.Equal(true, ScalarType.Boolean.ParseLiteral(Literal("true")));
        Assert.Equal(false, ScalarType.Boolean.ParseValue(Json("false")));
        Assert.Throws<CoercionException>(() => ScalarType.Boolean.ParseLiteral(Literal("1")));
        Assert.Throws<CoercionException>(() => ScalarType.Boolean.ParseValue(Json("\"true\"")));
        Assert.Throws<CoercionException>(() => ScalarType.Boolean.Serialize("yes"));
    }

    [Fact]
    public void Id_AcceptsStringsAndIntegers_AndSerializesAsString()
    {
        Assert.Equal("abc", ScalarType.ID.ParseLiteral(Literal("\"abc\"")));
        Assert.Equal("42", ScalarType.ID.ParseLiteral(Literal("42")));
        Assert.Equal("42", ScalarType.ID.ParseValue(Json("42")));
        Assert.Equal("x", ScalarType.ID.ParseValue(Json("\"x\"")));
        Assert.Equal("42", ScalarType.ID.Serialize(42));
        Assert.Equal("ID cannot represent a non-string and non-integer value: 1.5", Assert.Throws<CoercionException>(() => ScalarType.ID.ParseLiteral(Literal("1.5"))).Message);
        Assert.Throws<CoercionException>(() => ScalarType.ID.ParseValue(Json("1.5")));
        Assert.Throws<CoercionException>(() => ScalarType.ID.ParseValue(Json("true")));
        Assert.Throws<CoercionException>(() => ScalarType.ID.Serialize(true));
    }

    [Fact]
    public void DateTime_RequiresAnOffset_AndWritesUtc()
    {
        var parsed = (DateTimeOffset)ScalarType.DateTime.ParseValue(Json("\"2024-05-01T14:30:00+02:00\""));

        Assert.Equal(new DateTimeOffset(2024, 5, 1, 12, 30, 0, TimeSpan.Zero), parsed);
        Assert.Equal("2024-05-01T12:30:00.000Z", ScalarType.DateTime.Serialize(parsed));
        Assert.Equal("2024-05-01T12:30:00.123456Z", ScalarType.DateTime.Serialize(new DateTimeOffset(2024, 5, 1, 12, 30, 0, TimeSpan.Zero).AddTicks(1_234_560)));
        Assert.Throws<CoercionException>(() => ScalarType.DateTime.ParseLiteral(Literal("\"2024-05-01T12:30:00\"")));
        Assert.Throws<CoercionException>(() => ScalarType.DateTime.ParseLiteral(Literal("\"2024-13-01T12:30:00Z\"")));
        Assert.Throws<CoercionException>(() => ScalarType.DateTime.ParseValue(Json("1714566600")));
        Assert.Throws<CoercionException>(() => ScalarType.DateTime.Serialize(new DateTime(2024, 5, 1, 12, 30, 0, DateTimeKind.Unspecified)));
        Assert.Equal("https://scalars.graphql.org/andimarek/date-time", ScalarType.DateTime.SpecifiedByUrl);
    }

    [Fact]
    public void Date_IsACalendarDate()
    {
        Assert.Equal(new DateOnly(2024, 2, 29), ScalarType.Date.ParseLiteral(Literal("\"2024-02-29\"")));
        Assert.Equal("2024-02-29", ScalarType.Date.Serialize(new DateOnly(2024, 2, 29)));
        Assert.Throws<CoercionException>(() => ScalarType.Date.ParseLiteral(Literal("\"2023-02-29\"")));
        Assert.Throws<CoercionException>(() => ScalarType.Date.ParseValue(Json("\"2024-02-29T00:00:00Z\"")));
    }

    [Fact]
    public void Decimal_AcceptsNumbersAndNumericStrings_Exactly()
    {
        Assert.Equal(12.50m, ScalarType.Decimal.ParseValue(Json("12.50")));
        Assert.Equal(0.1m, ScalarType.Decimal.ParseValue(Json("\"0.1\"")));
        Assert.Equal(12345678901234567.89m, ScalarType.Decimal.ParseLiteral(Literal("12345678901234567.89")));
        Assert.Equal(3m, ScalarType.Decimal.ParseLiteral(Literal("\"3\"")));
        Assert.Throws<CoercionException>(() => ScalarType.Decimal.ParseValue(Json("\"ten\"")));
        Assert.Throws<CoercionException>(() => ScalarType.Decimal.ParseValue(Json("true")));
        Assert.Equal(2.5m, ScalarType.Decimal.Serialize(2.5m));
    }

    [Fact]
    public void Uuid_ParsesHyphenatedForm_AndWritesLowercase()
    {
        var id = Guid.Parse("1B4E28BA-2FA1-11D2-883F-0016D3CCA427");

        Assert.Equal(id, ScalarType.Uuid.ParseValue(Json("\"1b4e28ba-2fa1-11d2-883f-0016d3cca427\"")));
        Assert.Equal("1b4e28ba-2fa1-11d2-883f-0016d3cca427", ScalarType.Uuid.Serialize(id));
        Assert.Throws<CoercionException>(() => ScalarType.Uuid.ParseLiteral(Literal("\"not-a-uuid\"")));
    }

    [Fact]
    public void CustomScalar_FromDelegates_ReportsBadInputAsCoercionError()
    {
        var even = ScalarType.Create(
            "Even",
            serialize: v => v,
            parseValue: v => int.Parse(v.ToString()!, System.Globalization.CultureInfo.InvariantCulture) is var n && n % 2 == 0 ? n : throw new ArgumentException("odd"),
            parseLiteral: l => l is IntValueNode i && int.Parse(i.Value, System.Globalization.CultureInfo.InvariantCulture) % 2 == 0 ? int.Parse(i.Value, System.Globalization.CultureInfo.InvariantCulture) : throw new FormatException("odd"));

        Assert.Equal(4, even.ParseLiteral(Literal("4")));
        Assert.Contains("odd", Assert.Throws<CoercionException>(() => even.ParseLiteral(Literal("3"))).Message, StringComparison.Ordinal);
        Assert.Throws<CoercionException>(() => even.ParseValue("5"));
    }
}
