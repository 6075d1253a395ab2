using System.Globalization;
using Crm.Api.Application;
using Crm.Domain.Common;

namespace Crm.Api.GraphQL;

/// <summary>
/// Reads a mutation's input object (already coerced by the engine: required fields are present
/// and typed) into command inputs, collecting what the engine cannot check — global ids of the
/// wrong kind, unstorable text, malformed times — as <see cref="DomainError"/>s, so the mutation
/// can refuse with every problem named and nothing written.
/// </summary>
internal sealed class InputReader
{
    private static readonly IReadOnlyDictionary<string, object?> Empty = new Dictionary<string, object?>();

    private readonly IReadOnlyDictionary<string, object?> _values;
    private readonly List<DomainError> _errors;
    private readonly string _prefix;

    public InputReader(IReadOnlyDictionary<string, object?>? values)
        : this(values ?? Empty, [], "")
    {
    }

    private InputReader(IReadOnlyDictionary<string, object?> values, List<DomainError> errors, string prefix)
    {
        _values = values;
        _errors = errors;
        _prefix = prefix;
    }

    /// <summary>The problems found so far, in this reader and its nested readers.</summary>
    public IReadOnlyList<DomainError> Errors => _errors;

    public string Text(string name) => OptionalText(name) ?? "";

    public string? OptionalText(string name)
    {
        var text = Value(name) as string;
        if (text is not null && text.Contains('\0', StringComparison.Ordinal))
        {
            Fail(CommandErrors.InvalidText, $"{Field(name)} contains the NUL character, which cannot be stored.", name);
            return "";
        }
        return text;
    }

    public IReadOnlyList<string> Texts(string name)
    {
        if (Value(name) is not object?[] items)
        {
            return [];
        }
        var texts = new string[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            var text = items[i] as string ?? "";
            if (text.Contains('\0', StringComparison.Ordinal))
            {
                Fail(CommandErrors.InvalidText, $"{Field(name)}[{i}] contains the NUL character, which cannot be stored.", name);
                text = "";
            }
            texts[i] = text;
        }
        return texts;
    }

    /// <summary>The UUID a global id names; an <c>input.invalid_id</c> error when it is not one of the expected kind.</summary>
    public Guid Id(string name, NodeKind kind)
    {
        var text = Value(name) as string;
        if (GlobalIds.TryDecode(text, kind, out var id))
        {
            return id;
        }
        Fail(CommandErrors.InvalidId, $"{Field(name)}: {GlobalIds.Problem(text, kind)}", name);
        return Guid.Empty;
    }

    public Guid? OptionalId(string name, NodeKind kind) => Value(name) is null ? null : Id(name, kind);

    public Guid? Uuid(string name) => Value(name) is Guid id ? id : null;

    public Guid RequiredUuid(string name) => Uuid(name) ?? Guid.Empty;

    public T Enum<T>(string name)
        where T : struct, Enum => Value(name) is T value ? value : default;

    public T? OptionalEnum<T>(string name)
        where T : struct, Enum => Value(name) is T value ? value : null;

    public int Int(string name, int fallback = 0) => Value(name) is int value ? value : fallback;

    public int? OptionalInt(string name) => Value(name) is int value ? value : null;

    public bool Bool(string name) => Value(name) is true;

    public decimal Decimal(string name) => Value(name) is decimal value ? value : 0m;

    public DateTimeOffset Time(string name) => Value(name) is DateTimeOffset value ? value : default;

    public DateTimeOffset? OptionalTime(string name) => Value(name) is DateTimeOffset value ? value : null;

    public DateOnly Date(string name) => Value(name) is DateOnly value ? value : default;

    public DateOnly? OptionalDate(string name) => Value(name) is DateOnly value ? value : null;

    /// <summary>A time of day written as HH:mm.</summary>
    public TimeOnly Clock(string name)
    {
        var text = OptionalText(name);
        if (TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }
        Fail(CommandErrors.InvalidTime, $"{Field(name)} is '{text}'; write a time of day as HH:mm, e.g. 09:30.", name);
        return default;
    }

    /// <summary>The expected version given with the input, if any.</summary>
    public long? ExpectedVersion() => OptionalInt("expectedVersion");

    /// <summary>A nested input object, or null when absent; its problems are named with this field's name.</summary>
    public InputReader? Object(string name) =>
        Value(name) is IReadOnlyDictionary<string, object?> nested ? new InputReader(nested, _errors, Field(name) + ".") : null;

    private object? Value(string name) => _values.TryGetValue(name, out var value) ? value : null;

    private string Field(string name) => _prefix + name;

    private void Fail(string code, string message, string name) => _errors.Add(new DomainError(code, message, Field(name)));
}
