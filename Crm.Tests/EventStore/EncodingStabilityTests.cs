using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Crm.EventStore;
using Crm.EventStore.Internal;

namespace Crm.Tests.EventStore;

/// <summary>
/// Stored bytes, content digests and chain hashes of existing stores must never change: integrity
/// verification and recorded store digests recompute them. These values were produced by the
/// encoder as it stood before its rewrite for speed (serialize, parse, re-canonicalize, hash a
/// concatenation); every later encoder must reproduce them byte for byte.
/// </summary>
public sealed class EncodingStabilityTests
{
    public enum Priority
    {
        Low,
        Urgent,
    }

    public sealed record Nested(string Label, double Weight, int[] Counts);

    public sealed record Everything(
        string Text,
        string Escapes,
        string NonAscii,
        string Html,
        int Small,
        long Large,
        double Fraction,
        double Whole,
        double Tiny,
        double Huge,
        decimal Money,
        decimal NegativeZero,
        float Ratio,
        bool Flag,
        string? Missing,
        Guid Id,
        DateTimeOffset At,
        Priority Level,
        Nested Child,
        IReadOnlyList<Nested> Children,
        Dictionary<string, object?> Bag,
        [property: JsonPropertyName("ZZ top")] string Renamed,
        [property: JsonPropertyName("a\"quoted\" name")] int Quoted);

    public sealed record Plain(string Sku, int Quantity);

    private static readonly Guid FixedId = new("0f8fad5b-d9cb-469f-a165-70867728950e");
    private static readonly DateTimeOffset OccurredAt = new(2024, 2, 29, 13, 45, 12, 123, TimeSpan.FromHours(2));
    private static readonly long RecordedAtMicros = 1_709_214_312_123_456;

    private static EventTypeRegistry Types() => new EventTypeRegistry()
        .Register<Everything>("everything", schemaVersion: 3)
        .Register<Plain>("plain");

    private static IEnumerable<(string StreamId, EventData Event)> Events()
    {
        var full = new EventMetadata
        {
            ActorId = "agent-7",
            ActorRole = "Agent",
            CorrelationId = "req-ü-1",
            CausationId = "cmd \"9\"",
            OccurredAt = OccurredAt,
            Headers = new Dictionary<string, string> { ["z"] = "last", ["A"] = "first", ["é"] = "accent", ["tab"] = "a\tb" },
        };
        var bare = new EventMetadata { OccurredAt = OccurredAt.AddTicks(7) };
        var everything = new Everything(
            Text: "Customer called about the invoice; wants a refund + a callback <today> & it's urgent",
            Escapes: "quote \" backslash \\ slash / newline \n tab \t cr \r bell \u0007 unit \u001f del \u007f",
            NonAscii: "Zoë Ångström 漢字 😀 \u2028 \uffff \ue000 𝄞",
            Html: "<script>alert('x')</script>",
            Small: -42,
            Large: long.MaxValue,
            Fraction: 0.1,
            Whole: 1.0,
            Tiny: 5e-324,
            Huge: 1.7976931348623157e308,
            Money: 1234.5600m,
            NegativeZero: -0.0m,
            Ratio: 3.14159f,
            Flag: true,
            Missing: null,
            Id: FixedId,
            At: OccurredAt,
            Level: Priority.Urgent,
            Child: new Nested("child", 2.5, [3, 1, 2]),
            Children: [new Nested("a", -1e-7, []), new Nested("b", 1e21, [0])],
            Bag: new Dictionary<string, object?>
            {
                ["b"] = 1,
                ["a"] = "two",
                ["B"] = null,
                [""] = Array.Empty<int>(),
                ["aa"] = new Dictionary<string, object?>(),
                ["\ue000"] = "private use",
                ["😀"] = "astral sorts before private use in UTF-16",
                ["é"] = 1.5m,
                ["a\"b"] = "quote in a name",
                ["a#"] = "sorts after a\" unescaped",
            },
            Renamed: "renamed",
            Quoted: 7);
        yield return ("customer-1", new EventData(everything, full) { EventId = FixedId });
        yield return ("customer-1", new EventData(new Plain("sku-1", 2), full) { EventId = new Guid("11111111-2222-3333-4444-555555555555") });
        yield return ("stream with spaces/and-ü", new EventData(new Plain("", 0), bare) { EventId = new Guid("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee") });
    }

    [Fact]
    public void EncodedBytesDigestsAndChainHashes_AreThoseOfEarlierVersions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.MakeReadOnly(populateMissingResolver: true);
        var types = Types();
        types.Freeze();
        using var encoder = new EventEncoder(types, options);
        var lines = new StringBuilder();
        var previous = Array.Empty<byte>();
        var version = 0L;
        foreach (var (streamId, eventData) in Events())
        {
            var encoded = encoder.Encode(streamId, eventData);
            var hash = new byte[EventHashing.HashSize];
            EventHashing.ChainHash(previous, ++version, RecordedAtMicros, encoded.ContentDigest, hash);
            previous = hash;
            lines.Append(Encoding.UTF8.GetString(encoded.Data)).Append('\n')
                .Append(Encoding.UTF8.GetString(encoded.Metadata)).Append('\n')
                .Append(Convert.ToHexStringLower(encoded.ContentDigest)).Append('\n')
                .Append(Convert.ToHexStringLower(hash)).Append('\n');
        }

        Assert.Equal(Expected, lines.ToString());
    }

    // Per event: data, metadata, content digest, chain hash.
    private const string Expected =
        "{\"ZZ top\":\"renamed\",\"a\\\"quoted\\\" name\":7,\"at\":\"2024-02-29T13:45:12.123+02:00\",\"bag\":{\"\":[]"
        + ",\"B\":null,\"a\":\"two\",\"a\\\"b\":\"quote in a name\",\"a#\":\"sorts after a\\\" unescaped\",\"aa\":{},\"b\":"
        + "1,\"\u00e9\":1.5,\"\ud83d\ude00\":\"astral sorts before private use in UTF-16\",\"\ue000\":\"private use\"},\"child\":{\"cou"
        + "nts\":[3,1,2],\"label\":\"child\",\"weight\":2.5},\"children\":[{\"counts\":[],\"label\":\"a\",\"weight\":-"
        + "0.0000001},{\"counts\":[0],\"label\":\"b\",\"weight\":1000000000000000000000}],\"escapes\":\"quote \\\""
        + " backslash \\\\ slash / newline \\n tab \\t cr \\r bell \\u0007 unit \\u001f del \u007f\",\"flag\":true,\""
        + "fraction\":0.1,\"html\":\"<script>alert('x')</script>\",\"huge\":17976931348623157000000000000000"
        + "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
        + "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
        + "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
        + "0000000,\"id\":\"0f8fad5b-d9cb-469f-a165-70867728950e\",\"large\":9223372036854775807,\"level\":1,"
        + "\"missing\":null,\"money\":1234.5600,\"negativeZero\":0.0,\"nonAscii\":\"Zo\u00eb \u00c5ngstr\u00f6m \u6f22\u5b57 \ud83d\ude00 \u2028 \uffff \ue000 \ud834\udd1e\""
        + ",\"ratio\":3.14159,\"small\":-42,\"text\":\"Customer called about the invoice; wants a refund + a"
        + " callback <today> & it's urgent\",\"tiny\":0.000000000000000000000000000000000000000000000000"
        + "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
        + "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
        + "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
        + "000005,\"whole\":1}\n"
        + "{\"actorId\":\"agent-7\",\"actorRole\":\"Agent\",\"causationId\":\"cmd \\\"9\\\"\",\"correlationId\":\"req-\u00fc-"
        + "1\",\"headers\":{\"A\":\"first\",\"tab\":\"a\\tb\",\"z\":\"last\",\"\u00e9\":\"accent\"}}\n"
        + "c2e160ff2c0f84a2071b75000874784a0cba07f1e167598972f6ae5ebab87877\n"
        + "951a1c839b6c7af82837df750154351a94fb152b7820a0f31934f012e056ab2f\n"
        + "{\"quantity\":2,\"sku\":\"sku-1\"}\n"
        + "{\"actorId\":\"agent-7\",\"actorRole\":\"Agent\",\"causationId\":\"cmd \\\"9\\\"\",\"correlationId\":\"req-\u00fc-"
        + "1\",\"headers\":{\"A\":\"first\",\"tab\":\"a\\tb\",\"z\":\"last\",\"\u00e9\":\"accent\"}}\n"
        + "4bece88666f835c08b15f7f13de080e901ffdd87049d7d41fb6b8dbb49f90b60\n"
        + "d535b7c65d656b2b2a338afdbd19fb2e0a11ea4b8f4ecef4488a6c7d0058dacc\n"
        + "{\"quantity\":0,\"sku\":\"\"}\n"
        + "{}\n"
        + "5e638b8df8cef31499d845f598cbff3e0ea64d831921f007885d5de402060601\n"
        + "409b49616196201dd85f4b57dc140d76abc50e87dd141fe2ce724d82dd411ce9\n";
}
