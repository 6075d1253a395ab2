using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Crm.GraphQL.Execution;

/// <summary>
/// The response to a request: <c>data</c> (absent for request errors such as syntax or validation
/// errors), <c>errors</c> and <c>extensions</c>. Write it with <see cref="WriteTo"/> straight to UTF-8,
/// with response keys in selection order.
/// </summary>
public sealed class ExecutionResult
{
    internal ExecutionResult(IReadOnlyDictionary<string, object?>? data, bool hasData, IReadOnlyList<GraphQLError> errors, IReadOnlyDictionary<string, object?>? extensions = null)
    {
        Data = data;
        HasData = hasData;
        Errors = errors;
        Extensions = extensions;
    }

    /// <summary>The <c>data</c> entry: an ordered map of response keys to values; <see langword="null"/> when absent or null.</summary>
    public IReadOnlyDictionary<string, object?>? Data { get; }

    /// <summary>
    /// Whether the response has a <c>data</c> entry. False for request errors (the request never
    /// ran), true once execution started, even when <c>data</c> is null.
    /// </summary>
    public bool HasData { get; }

    /// <summary>The errors, empty when there are none.</summary>
    public IReadOnlyList<GraphQLError> Errors { get; }

    /// <summary>The <c>extensions</c> entry, if any.</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; }

    /// <summary>Creates a result for a request that could not run.</summary>
    public static ExecutionResult FromErrors(params GraphQLError[] errors) => new(null, hasData: false, errors);

    /// <summary>Creates a result for a request that could not run.</summary>
    public static ExecutionResult FromErrors(IReadOnlyList<GraphQLError> errors) => new(null, hasData: false, errors);

    /// <summary>Writes the response as a JSON object: <c>errors</c> (when any) first, then <c>data</c>, then <c>extensions</c>.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        if (Errors.Count > 0)
        {
            writer.WritePropertyName(JsonNames.Errors);
            writer.WriteStartArray();
            foreach (var error in Errors)
            {
                ResultWriter.WriteError(writer, error);
            }
            writer.WriteEndArray();
        }
        if (HasData)
        {
            writer.WritePropertyName(JsonNames.Data);
            ResultWriter.WriteValue(writer, Data);
        }
        if (Extensions is { Count: > 0 })
        {
            writer.WritePropertyName(JsonNames.Extensions);
            ResultWriter.WriteValue(writer, Extensions);
        }
        writer.WriteEndObject();
    }

    /// <summary>The response as UTF-8 JSON bytes.</summary>
    public byte[] ToUtf8Json()
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        // The response is JSON, never embedded in HTML, so only what JSON requires is escaped.
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            WriteTo(writer);
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The response as a JSON string.</summary>
    public string ToJson() => Encoding.UTF8.GetString(ToUtf8Json());

    /// <inheritdoc />
    public override string ToString() => ToJson();
}
