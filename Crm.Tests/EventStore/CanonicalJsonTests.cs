using System.Globalization;
using System.Text;
using System.Text.Json;
using Crm.EventStore;
using Crm.EventStore.Internal;
using Crm.Tests.Infrastructure;
using Npgsql;
using NpgsqlTypes;
using static Crm.Tests.EventStore.TestStores;

namespace Crm.Tests.EventStore;

/// <summary>
/// The hash covers a canonical JSON form that must come out the same from the JSON the store sends
/// and from the jsonb text PostgreSQL gives back (keys re-ordered, whitespace added, numbers re-printed).
/// </summary>
public sealed class CanonicalJsonTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly JsonSerializerOptions RelaxedEscaping = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Theory]
    [InlineData("1.0", "1.0")]
    [InlineData("1e3", "1000")]
    [InlineData("1E+2", "100")]
    [InlineData("1.50e1", "15.0")]
    [InlineData("1e-3", "0.001")]
    [InlineData("1.000e-2", "0.01000")]
    [InlineData("-0", "0")]
    [InlineData("-0.0", "0.0")]
    [InlineData("-0e-2", "0.00")]
    [InlineData("0.1e1", "1")]
    [InlineData("123.4500", "123.4500")]
    [InlineData("1e-7", "0.0000001")]
    [InlineData("-1.5e-3", "-0.0015")]
    [InlineData("0e5", "0")]
    [InlineData("0.0e-3", "0.0000")]
    [InlineData("12345678901234567890123", "12345678901234567890123")]
    [InlineData("1E-07", "0.0000001")]
    public async Task Numbers_AreWrittenAsPostgreSqlPrintsThem(string literal, string expected)
    {
        var canonical = Canonical(literal);
        var fromPostgres = await JsonbTextAsync([literal]);

        Assert.Equal(expected, canonical);
        Assert.Equal(expected, fromPostgres[0]);
    }

    [Fact]
    public void Objects_AreSortedOrdinally_AndWhitespaceIsDropped()
    {
        var canonical = Canonical("""{ "b" : 1 , "a" : [ 1 , { "d" : 2 , "c" : 3 } ], "B": null, "aa": {}, "": [] }""");

        Assert.Equal("""{"":[],"B":null,"a":[1,{"c":3,"d":2}],"aa":{},"b":1}""", canonical);
    }

    [Fact]
    public void Strings_UseOneEscapingForEveryCharacter()
    {
        var canonical = Canonical("""["\u00e9", "é", "\/", "\ud83d\ude00", "😀", "a\"b\\c", "\b\f\n\r\t", "\u0001\u001f", "\u2028", "\u007f"]""");

        Assert.Equal("[\"é\",\"é\",\"/\",\"😀\",\"😀\",\"a\\\"b\\\\c\",\"\\b\\f\\n\\r\\t\",\"\\u0001\\u001f\",\"\u2028\",\"\u007f\"]", canonical);
    }

    [Theory]
    [InlineData("""{"a": 1, "a": 2}""", "twice")]
    [InlineData("""["nul \u0000"]""", "U+0000")]
    [InlineData("""["\ud800"]""", "surrogate")]
    [InlineData("1e-16384", "numeric")]
    [InlineData("1e131072", "numeric")]
    public void ValuesPostgreSqlCannotStore_AreRefused(string json, string reason)
    {
        var error = Assert.Throws<ArgumentException>(() => Canonical(json));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NumbersAtTheEdgesOfNumeric_MatchPostgreSql()
    {
        string[] literals = ["1e131071", "1e-16383", "0e-16383", "0e999999", "9.999e-16380", "-5E+00", "1.7976931348623157E+308", "5E-324"];

        var fromPostgres = await JsonbTextAsync(literals);

        Assert.Equal(fromPostgres, literals.Select(Canonical));
    }

    [Fact]
    public async Task RandomDocuments_HaveTheSameCanonicalFormBeforeAndAfterJsonb()
    {
        var random = new Random(20240611);
        var documents = Enumerable.Range(0, 400).Select(_ => RandomValue(random, 0)).ToArray();

        var fromPostgres = await JsonbTextAsync(documents);

        for (var i = 0; i < documents.Length; i++)
        {
            Assert.True(Canonical(documents[i]) == Canonical(fromPostgres[i]), $"document {i} differs after jsonb: {documents[i]} -> {fromPostgres[i]}");
        }
    }

    [Fact]
    public void MemberNames_ComparedAsUtf8_SortAsOrdinalUtf16Strings()
    {
        // Characters from every UTF-8 length and both sides of the surrogate range, where byte
        // order and UTF-16 order disagree (U+E000..U+FFFF against characters above U+FFFF).
        string[] alphabet = ["a", "B", "\"", "\\", "#", "~", "\u007f", "é", "\u0800", "\ud7ff", "\ue000", "\uffff", "😀", "\U0010FFFF", "𝄞"];
        var random = new Random(7331);
        string Word() => string.Concat(Enumerable.Range(0, random.Next(0, 5)).Select(_ => alphabet[random.Next(alphabet.Length)]));

        for (var i = 0; i < 5000; i++)
        {
            var (left, right) = (Word(), Word());
            var expected = Math.Sign(string.CompareOrdinal(left, right));
            var actual = Math.Sign(CanonicalJsonWriter.CompareAsUtf16(Encoding.UTF8.GetBytes(left), Encoding.UTF8.GetBytes(right)));
            Assert.True(expected == actual, $"'{left}' against '{right}': ordinal {expected}, UTF-8 comparison {actual}");
        }
    }

    [Fact]
    public void ObjectMembers_AreSortedAsOrdinalStrings_WhateverTheirEscapingAndNesting()
    {
        var random = new Random(99);
        string[] alphabet = ["a", "b", "A", "\"", "\\", "\n", "é", "\ue000", "😀", "\u2028"];
        for (var round = 0; round < 200; round++)
        {
            var names = Enumerable.Range(0, random.Next(1, 12))
                .Select(_ => string.Concat(Enumerable.Range(0, random.Next(0, 4)).Select(_ => alphabet[random.Next(alphabet.Length)])))
                .Distinct(StringComparer.Ordinal)
                .ToArray();
            var members = names.Select((name, i) => new KeyValuePair<string, object?>(name, i % 3 == 0 ? new Dictionary<string, object?> { ["z"] = i, ["y"] = name } : i));
            // The default encoder escapes non-ASCII and HTML-sensitive characters; the relaxed one does not.
            var escaped = JsonSerializer.Serialize(new Dictionary<string, object?>(members));
            var relaxed = JsonSerializer.Serialize(new Dictionary<string, object?>(members), RelaxedEscaping);

            var expected = "{" + string.Join(",", names.Order(StringComparer.Ordinal).Select(name =>
            {
                var i = Array.IndexOf(names, name);
                var value = i % 3 == 0 ? "{\"y\":" + Canonical(JsonSerializer.Serialize(name)) + ",\"z\":" + i.ToString(CultureInfo.InvariantCulture) + "}" : i.ToString(CultureInfo.InvariantCulture);
                return Canonical(JsonSerializer.Serialize(name)) + ":" + value;
            })) + "}";
            Assert.Equal(expected, Canonical(escaped));
            Assert.Equal(expected, Canonical(relaxed));
        }
    }

    [Fact]
    public async Task AwkwardPayloads_AppendedAndReadBack_StillVerify()
    {
        await using var store = Create(database);
        var payloads = new[]
        {
            new Dictionary<string, object?> { ["z"] = 1.0, ["a"] = 1e-7, ["m"] = double.Epsilon, ["big"] = double.MaxValue, ["dec"] = 1.10m, ["neg"] = -0.0 },
            new Dictionary<string, object?> { ["text"] = "naïve café 日本語 🧾 \u200f עברית \t tab \"quoted\" back\\slash \u0007 bell", ["empty"] = "" },
            new Dictionary<string, object?> { ["nested"] = new Dictionary<string, object?> { ["y"] = new object?[] { 1, "two", null, true, new Dictionary<string, object?> { ["k"] = 3.14159 } }, ["x"] = false } },
            new Dictionary<string, object?> { ["Ä"] = 1, ["A"] = 2, ["a"] = 3, ["\ud83d\ude00"] = 4, ["\uffff"] = 5 },
        };

        await store.AppendAsync("awkward", ExpectedVersion.NoStream, [.. payloads.Select(p => new EventData(new PayloadRecorded(p)))]);
        var read = (await store.ReadStreamAsync("awkward")).Events;

        Assert.True((await store.VerifyStreamAsync("awkward")).IsIntact);
        Assert.Equal(1e-7, Value(read[0], "a").GetDouble());
        Assert.Equal(double.MaxValue, Value(read[0], "big").GetDouble());
        Assert.Equal(double.Epsilon, Value(read[0], "m").GetDouble());
        Assert.Equal("1.10", Value(read[0], "dec").GetRawText());
        Assert.Equal(payloads[1]["text"], Value(read[1], "text").GetString());
        Assert.Equal(5, Value(read[3], "\uffff").GetInt32());
    }

    private static JsonElement Value(RecordedEvent recorded, string key) => (JsonElement)((PayloadRecorded)recorded.Data).Payload[key]!;

    private static string Canonical(string json) => Encoding.UTF8.GetString(CanonicalJson.Canonicalize(Encoding.UTF8.GetBytes(json)));

    /// <summary>What PostgreSQL prints for each document after storing it as jsonb.</summary>
    private async Task<string[]> JsonbTextAsync(string[] documents)
    {
        await using var connection = await OpenAsync(database);
        await using var command = new NpgsqlCommand("SELECT d::jsonb::text FROM unnest($1) WITH ORDINALITY AS u(d, n) ORDER BY n", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = documents, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        var texts = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            texts.Add(reader.GetString(0));
        }
        return [.. texts];
    }

    private static string RandomValue(Random random, int depth)
    {
        var kind = depth > 3 ? random.Next(4) : random.Next(6);
        switch (kind)
        {
            case 0:
                return RandomNumber(random);
            case 1:
                return RandomString(random);
            case 2:
                return random.Next(3) switch { 0 => "true", 1 => "false", _ => "null" };
            case 3:
                return RandomNumber(random);
            case 4:
                var items = Enumerable.Range(0, random.Next(5)).Select(_ => RandomValue(random, depth + 1));
                return "[ " + string.Join(" , ", items) + "]";
            default:
                // Distinct by decoded name: "\u00e9" and "é" are the same member.
                var names = Enumerable.Range(0, random.Next(6)).Select(_ => RandomString(random)).DistinctBy(n => JsonSerializer.Deserialize<string>(n)).ToList();
                return "{" + string.Join(",", names.Select(n => $"{n} :\n{RandomValue(random, depth + 1)}")) + "}";
        }
    }

    private static string RandomNumber(Random random)
    {
        var text = new StringBuilder();
        if (random.Next(3) == 0)
        {
            text.Append('-');
        }
        text.Append(random.Next(4) == 0 ? "0" : random.NextInt64(1, long.MaxValue).ToString(CultureInfo.InvariantCulture)[..random.Next(1, 19)]);
        if (random.Next(2) == 0)
        {
            text.Append('.').Append(random.Next(0, 100000).ToString("D" + random.Next(1, 6), CultureInfo.InvariantCulture));
        }
        if (random.Next(3) == 0)
        {
            text.Append(random.Next(2) == 0 ? 'e' : 'E').Append(random.Next(3) switch { 0 => "+", 1 => "-", _ => "" }).Append(random.Next(0, 40));
        }
        return text.ToString();
    }

    private static string RandomString(Random random)
    {
        string[] pieces = ["a", "Z", "é", "日本", "😀", "\\u00e9", "\\ud83d\\ude00", "\\n", "\\t", "\\\"", "\\\\", "\\/", "\\u0001", " ", "\u2028", "ß", "\\u00DF", "Ω"];
        var text = new StringBuilder("\"");
        for (var i = random.Next(0, 6); i > 0; i--)
        {
            text.Append(pieces[random.Next(pieces.Length)]);
        }
        return text.Append('"').ToString();
    }
}
