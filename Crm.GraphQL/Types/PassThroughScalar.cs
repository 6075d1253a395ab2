using System.Globalization;
using Crm.GraphQL.Language;

namespace Crm.GraphQL.Types;

/// <summary>
/// The implementation given to a custom scalar declared in SDL without one: values pass through
/// unchanged (literals become plain CLR values), so such schemas can still be validated and executed.
/// </summary>
internal sealed class PassThroughScalar(string name, string? description, string? specifiedByUrl)
    : ScalarType(name, description, specifiedByUrl)
{
    public override object Serialize(object value) => value;

    public override object ParseValue(object value) => Unwrap(value) ?? throw new CoercionException($"{Name} cannot represent null.");

    public override object ParseLiteral(ValueNode literal) => Untyped(literal) ?? throw new CoercionException($"{Name} cannot represent null.");

    public override ValueNode ToLiteral(object value) => value switch
    {
        IReadOnlyDictionary<string, object?> map => new ObjectValueNode(
            map.Select(pair => new ObjectFieldNode(new NameNode(pair.Key), pair.Value is null ? new NullValueNode() : ToLiteral(pair.Value))).ToArray()),
        IEnumerable<object?> list when value is not string => new ListValueNode(
            list.Select(item => item is null ? (ValueNode)new NullValueNode() : ToLiteral(item)).ToArray()),
        _ => LiteralOf(value),
    };

    internal static object? Untyped(ValueNode literal) => literal switch
    {
        NullValueNode => null,
        StringValueNode s => s.Value,
        BooleanValueNode b => b.Value,
        EnumValueNode e => e.Value,
        IntValueNode i => int.TryParse(i.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
            ? n
            : long.TryParse(i.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? l : decimal.Parse(i.Value, NumberStyles.Float, CultureInfo.InvariantCulture),
        FloatValueNode f => double.Parse(f.Value, NumberStyles.Float, CultureInfo.InvariantCulture),
        ListValueNode list => list.Values.Select(Untyped).ToList(),
        ObjectValueNode obj => obj.Fields.ToDictionary(field => field.Name.Value, field => Untyped(field.Value), StringComparer.Ordinal),
        _ => throw new CoercionException($"Unexpected literal {ValuePrinter.Print(literal)}."),
    };
}
