using System.Text.Json;
using Crm.GraphQL.Language;

namespace Crm.GraphQL.Types;

/// <summary>An enum type: a leaf whose values are names out of a fixed set.</summary>
public sealed class EnumType : NamedType
{
    private Dictionary<object, EnumValueDefinition> _byValue = [];

    internal EnumType(string name, string? description)
        : base(name, description)
    {
    }

    /// <inheritdoc />
    public override TypeKind Kind => TypeKind.Enum;

    /// <summary>The values in declaration order, with lookup by name.</summary>
    public DefinitionCollection<EnumValueDefinition> Values { get; private set; } = DefinitionCollection<EnumValueDefinition>.Empty;

    internal void SetValues(EnumValueDefinition[] values)
    {
        Values = new DefinitionCollection<EnumValueDefinition>(values);
        _byValue = new Dictionary<object, EnumValueDefinition>(values.Length);
        foreach (var value in values)
        {
            _byValue.TryAdd(value.Value, value);
        }
    }

    /// <summary>Finds the enum value whose internal value (or, failing that, whose name) equals <paramref name="value"/>.</summary>
    public EnumValueDefinition? FindByValue(object value)
    {
        if (_byValue.TryGetValue(value, out var definition))
        {
            return definition;
        }
        return value is string name ? Values[name] : null;
    }

    /// <summary>Converts a resolver's result to the enum value's name.</summary>
    /// <exception cref="CoercionException">The value is not one of this enum's values.</exception>
    public string Serialize(object value) =>
        FindByValue(value)?.Name ?? throw new CoercionException($"Enum \"{Name}\" cannot represent value: {ValueInspector.Inspect(value)}");

    /// <summary>Converts an external input (a name as a string) to the internal value.</summary>
    /// <exception cref="CoercionException">The input is not a name of this enum.</exception>
    public object ParseValue(object value)
    {
        var name = value switch
        {
            string s => s,
            JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
            _ => null,
        };
        if (name is null)
        {
            throw new CoercionException($"Enum \"{Name}\" cannot represent non-string value: {ValueInspector.Inspect(value)}.");
        }
        return Values[name]?.Value ?? throw new CoercionException($"Value {ValueInspector.Inspect(name)} does not exist in \"{Name}\" enum.");
    }

    /// <summary>Converts a literal (an enum value name) to the internal value.</summary>
    /// <exception cref="CoercionException">The literal is not a name of this enum.</exception>
    public object ParseLiteral(ValueNode literal)
    {
        if (literal is not EnumValueNode node)
        {
            throw new CoercionException($"Enum \"{Name}\" cannot represent non-enum value: {ValuePrinter.Print(literal)}.");
        }
        return Values[node.Value]?.Value ?? throw new CoercionException($"Value \"{node.Value}\" does not exist in \"{Name}\" enum.");
    }
}
