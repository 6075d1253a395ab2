using System.Text.Json;

namespace Crm.EventStore.Internal;

/// <summary>
/// Writes the canonical form (see <see cref="CanonicalJson"/>) of a UTF-8 JSON document in one
/// forward pass, without building a document: values are copied as they are read, and an object
/// whose members did not come in order has its finished member segments moved into order at its end.
/// Not thread-safe; it keeps its scratch space from document to document.
/// </summary>
internal sealed class CanonicalJsonWriter
{
    private const int MaxDepth = 512;
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = MaxDepth };

    private readonly ByteBuffer _names = new(256);
    private readonly ByteBuffer _reordered = new(256);
    private readonly Comparison<Member> _compareMembers;
    private Member[] _members = new Member[32];
    private int _memberCount;
    private byte[] _unescaped = new byte[256];

    public CanonicalJsonWriter() => _compareMembers = CompareMembers;

    /// <exception cref="ArgumentException">The value cannot be stored by PostgreSQL, or has a member name twice.</exception>
    /// <exception cref="JsonException">The input is not JSON.</exception>
    public void Write(ReadOnlySpan<byte> utf8Json, ByteBuffer output)
    {
        _memberCount = 0;
        _names.Clear();
        var reader = new Utf8JsonReader(utf8Json, ReaderOptions);
        if (!reader.Read())
        {
            throw new ArgumentException("The JSON text is empty.", nameof(utf8Json));
        }
        WriteValue(ref reader, output);
        if (reader.Read())
        {
            throw new ArgumentException("The JSON text holds more than one value.", nameof(utf8Json));
        }
    }

    private void WriteValue(ref Utf8JsonReader reader, ByteBuffer output)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                WriteObject(ref reader, output);
                break;
            case JsonTokenType.StartArray:
                output.Write((byte)'[');
                var first = true;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (!first)
                    {
                        output.Write((byte)',');
                    }
                    first = false;
                    WriteValue(ref reader, output);
                }
                output.Write((byte)']');
                break;
            case JsonTokenType.String:
                WriteString(ref reader, output);
                break;
            case JsonTokenType.Number:
                // A single-segment reader: the literal is always in ValueSpan, and never escaped.
                CanonicalJson.WriteNumber(reader.ValueSpan, output);
                break;
            case JsonTokenType.True:
                output.Write("true"u8);
                break;
            case JsonTokenType.False:
                output.Write("false"u8);
                break;
            case JsonTokenType.Null:
                output.Write("null"u8);
                break;
            default:
                throw new ArgumentException($"Unexpected JSON token {reader.TokenType}.", nameof(reader));
        }
    }

    private void WriteObject(ref Utf8JsonReader reader, ByteBuffer output)
    {
        var firstMember = _memberCount;
        var namesStart = _names.Length;
        output.Write((byte)'{');
        var bodyStart = output.Length;
        var sorted = true;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (_memberCount > firstMember)
            {
                output.Write((byte)',');
            }
            var nameOffset = _names.Length;
            var name = Unescaped(ref reader, _names);
            var start = output.Length;
            CanonicalJson.WriteUtf8String(name, output);
            output.Write((byte)':');
            reader.Read();
            var member = new Member(nameOffset, name.Length, start, 0);
            if (_memberCount > firstMember && CompareMembers(_members[_memberCount - 1], member) >= 0)
            {
                sorted = false;
            }
            // The value may be an object whose members go on the stack above this one.
            var index = Push(member);
            WriteValue(ref reader, output);
            _members[index] = _members[index] with { End = output.Length };
            _memberCount = index + 1;
        }

        var count = _memberCount - firstMember;
        if (!sorted)
        {
            var members = _members.AsSpan(firstMember, count);
            members.Sort(_compareMembers);
            for (var i = 1; i < count; i++)
            {
                if (CompareMembers(members[i - 1], members[i]) == 0)
                {
                    var duplicate = System.Text.Encoding.UTF8.GetString(Name(members[i]));
                    throw new ArgumentException($"A JSON object has the member '{duplicate}' twice; PostgreSQL would keep only the last.");
                }
            }
            // Every member, value included, is already canonical: only the segments move.
            var body = output.WrittenSpan[bodyStart..];
            _reordered.Clear();
            _reordered.Write(body);
            var moved = _reordered.WrittenSpan;
            output.Truncate(bodyStart);
            for (var i = 0; i < count; i++)
            {
                if (i > 0)
                {
                    output.Write((byte)',');
                }
                output.Write(moved[(members[i].Start - bodyStart)..(members[i].End - bodyStart)]);
            }
        }
        output.Write((byte)'}');
        _memberCount = firstMember;
        _names.Truncate(namesStart);
    }

    private void WriteString(ref Utf8JsonReader reader, ByteBuffer output)
    {
        if (!reader.ValueIsEscaped)
        {
            CanonicalJson.WriteUtf8String(reader.ValueSpan, output);
            return;
        }
        if (_unescaped.Length < reader.ValueSpan.Length)
        {
            _unescaped = new byte[Math.Max(reader.ValueSpan.Length, _unescaped.Length * 2)];
        }
        CanonicalJson.WriteUtf8String(_unescaped.AsSpan(0, CopyString(ref reader, _unescaped)), output);
    }

    /// <summary>Appends the unescaped UTF-8 of the current string or name to <paramref name="buffer"/> and returns it.</summary>
    private static ReadOnlySpan<byte> Unescaped(ref Utf8JsonReader reader, ByteBuffer buffer)
    {
        var start = buffer.Length;
        if (!reader.ValueIsEscaped)
        {
            buffer.Write(reader.ValueSpan);
        }
        else
        {
            // Unescaping never makes text longer.
            var span = buffer.GetSpan(reader.ValueSpan.Length);
            buffer.Advance(CopyString(ref reader, span));
        }
        return buffer.WrittenSpan[start..];
    }

    private static int CopyString(ref Utf8JsonReader reader, Span<byte> destination)
    {
        try
        {
            return reader.CopyString(destination);
        }
        catch (InvalidOperationException ex)
        {
            throw new ArgumentException("A JSON string is not valid UTF-16 (an unpaired surrogate escape); PostgreSQL cannot store it.", ex);
        }
    }

    private int Push(Member member)
    {
        if (_memberCount == _members.Length)
        {
            Array.Resize(ref _members, _members.Length * 2);
        }
        _members[_memberCount] = member;
        return _memberCount++;
    }

    private ReadOnlySpan<byte> Name(Member member) => _names.WrittenSpan.Slice(member.NameOffset, member.NameLength);

    private int CompareMembers(Member left, Member right) => CompareAsUtf16(Name(left), Name(right));

    /// <summary>
    /// Orders valid UTF-8 texts as <see cref="StringComparer.Ordinal"/> orders their UTF-16 forms.
    /// Byte order is code point order, which is UTF-16 order except that characters above U+FFFF
    /// (surrogate pairs, 0xD800–0xDFFF) sort before U+E000–U+FFFF in UTF-16. Texts first differ at a
    /// lead byte when one of them is such a character: 0xF0–0xF4 against 0xEE–0xEF.
    /// </summary>
    internal static int CompareAsUtf16(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        var common = left.CommonPrefixLength(right);
        if (common == left.Length || common == right.Length)
        {
            return left.Length.CompareTo(right.Length);
        }
        var l = left[common];
        var r = right[common];
        if (l >= 0xF0 && r is 0xEE or 0xEF)
        {
            return -1;
        }
        if (r >= 0xF0 && l is 0xEE or 0xEF)
        {
            return 1;
        }
        return l.CompareTo(r);
    }

    /// <summary>An object member being written: its unescaped name in the names buffer, its segment of the output.</summary>
    private readonly record struct Member(int NameOffset, int NameLength, int Start, int End);
}
