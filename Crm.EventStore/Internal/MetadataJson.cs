using System.Text.Json;

namespace Crm.EventStore.Internal;

/// <summary>
/// Event metadata as stored in the metadata column: a JSON object written directly in canonical
/// form (members in ordinal order, absent members left out). Occurred-at has a column of its own.
/// </summary>
internal static class MetadataJson
{
    public static void Write(EventMetadata metadata, ByteBuffer output)
    {
        output.Write((byte)'{');
        var any = false;
        WriteMember("actorId", metadata.ActorId, output, ref any);
        WriteMember("actorRole", metadata.ActorRole, output, ref any);
        WriteMember("causationId", metadata.CausationId, output, ref any);
        WriteMember("correlationId", metadata.CorrelationId, output, ref any);
        if (metadata.Headers is { Count: > 0 } headers)
        {
            if (any)
            {
                output.Write((byte)',');
            }
            CanonicalJson.WriteString("headers", output);
            output.Write(":{"u8);
            var names = new string[headers.Count];
            var n = 0;
            foreach (var name in headers.Keys)
            {
                names[n++] = name ?? throw new ArgumentException("An event metadata header has a null name.");
            }
            Array.Sort(names, StringComparer.Ordinal);
            for (var i = 0; i < names.Length; i++)
            {
                if (i > 0)
                {
                    output.Write((byte)',');
                }
                CanonicalJson.WriteString(names[i], output);
                output.Write((byte)':');
                CanonicalJson.WriteString(headers[names[i]] ?? throw new ArgumentException($"The event metadata header '{names[i]}' has a null value."), output);
            }
            output.Write((byte)'}');
        }
        output.Write((byte)'}');
    }

    public static EventMetadata Read(ReadOnlySpan<byte> json, DateTimeOffset occurredAt)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new EventStoreException("Stored event metadata is not a JSON object.");
        }
        string? actorId = null, actorRole = null, causationId = null, correlationId = null;
        Dictionary<string, string>? headers = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "actorId":
                    actorId = ReadString(ref reader);
                    break;
                case "actorRole":
                    actorRole = ReadString(ref reader);
                    break;
                case "causationId":
                    causationId = ReadString(ref reader);
                    break;
                case "correlationId":
                    correlationId = ReadString(ref reader);
                    break;
                case "headers" when reader.TokenType == JsonTokenType.StartObject:
                    headers = new Dictionary<string, string>(StringComparer.Ordinal);
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        var header = reader.GetString()!;
                        reader.Read();
                        headers[header] = ReadString(ref reader) ?? "";
                    }
                    break;
                default:
                    // Members this version does not know are left alone (the hash still covers them).
                    reader.Skip();
                    break;
            }
        }
        return new EventMetadata
        {
            ActorId = actorId,
            ActorRole = actorRole,
            CausationId = causationId,
            CorrelationId = correlationId,
            OccurredAt = occurredAt,
            Headers = headers,
        };
    }

    private static string? ReadString(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString();
        }
        reader.Skip();
        return null;
    }

    private static void WriteMember(string name, string? value, ByteBuffer output, ref bool any)
    {
        if (value is null)
        {
            return;
        }
        if (any)
        {
            output.Write((byte)',');
        }
        any = true;
        CanonicalJson.WriteString(name, output);
        output.Write((byte)':');
        CanonicalJson.WriteString(value, output);
    }
}
