using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Crm.Api.GraphQL;

/// <summary>The kinds of objects that have global ids.</summary>
internal enum NodeKind
{
    Customer,
    Case,
}

/// <summary>
/// Relay global ids: the base64 of <c>Type:uuid</c> (e.g. <c>Customer:0190…</c>). Opaque to
/// clients; decoding checks the type, so a case id can never be taken for a customer id.
/// </summary>
internal static class GlobalIds
{
    private const int MaxLength = 128;

    public static string Encode(NodeKind kind, Guid id) =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes(kind.ToString() + ":" + id.ToString("D", CultureInfo.InvariantCulture)));

    /// <summary>Reads a global id; false when it is not one (wrong length, not base64, unknown type, not a UUID).</summary>
    public static bool TryDecode(string? globalId, out NodeKind kind, out Guid id)
    {
        kind = default;
        id = default;
        if (string.IsNullOrEmpty(globalId) || globalId.Length > MaxLength)
        {
            return false;
        }
        Span<byte> bytes = stackalloc byte[MaxLength];
        if (Base64.DecodeFromUtf8(Encoding.ASCII.GetBytes(globalId), bytes, out _, out var written) != OperationStatus.Done)
        {
            return false;
        }
        var text = Encoding.ASCII.GetString(bytes[..written]);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return false;
        }
        switch (text.AsSpan(0, colon))
        {
            case nameof(NodeKind.Customer):
                kind = NodeKind.Customer;
                break;
            case nameof(NodeKind.Case):
                kind = NodeKind.Case;
                break;
            default:
                return false;
        }
        return Guid.TryParseExact(text.AsSpan(colon + 1), "D", out id);
    }

    /// <summary>Reads a global id of the given kind; false when it is not one.</summary>
    public static bool TryDecode(string? globalId, NodeKind expected, out Guid id) =>
        TryDecode(globalId, out var kind, out id) && kind == expected;

    /// <summary>A sentence saying why a value is not a global id of the kind expected.</summary>
    public static string Problem(string? globalId, NodeKind expected) =>
        TryDecode(globalId, out var kind, out _)
            ? $"'{globalId}' is the id of a {kind}, not of a {expected}."
            : $"'{Shorten(globalId)}' is not a {expected} id; use the id field of a {expected}.";

    private static string Shorten(string? text) => text is null ? "" : text.Length <= 64 ? text : text[..64] + "…";
}
