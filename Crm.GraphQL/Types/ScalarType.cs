using System.Globalization;
using Crm.GraphQL.Language;

namespace Crm.GraphQL.Types;

/// <summary>
/// A leaf type and its three coercions: <see cref="ParseLiteral"/> for literals in a document,
/// <see cref="ParseValue"/> for external input such as JSON variables, and <see cref="Serialize"/>
/// for resolver results. Each throws <see cref="CoercionException"/> with a message for the client
/// when the value does not fit. Derive from this class, or call <see cref="Create"/>, for custom scalars.
/// </summary>
public abstract partial class ScalarType : NamedType
{
    /// <summary>Creates a scalar type.</summary>
    /// <param name="name">The scalar's name.</param>
    /// <param name="description">Its description.</param>
    /// <param name="specifiedByUrl">A URL of a specification of its format (shown as <c>@specifiedBy</c>).</param>
    protected ScalarType(string name, string? description = null, string? specifiedByUrl = null)
        : base(name, description)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        SpecifiedByUrl = specifiedByUrl;
    }

    /// <inheritdoc />
    public override TypeKind Kind => TypeKind.Scalar;

    /// <summary>The URL of the specification of this scalar's format, if any.</summary>
    public string? SpecifiedByUrl { get; internal set; }

    /// <summary>Whether this is one of the five scalars the specification defines.</summary>
    public bool IsBuiltIn => IsBuiltInName(Name) && ReferenceEquals(this, FromBuiltInName(Name));

    /// <summary>Converts a resolver's non-null result to the value written in the response.</summary>
    /// <exception cref="CoercionException">The value cannot be represented by this scalar.</exception>
    public abstract object Serialize(object value);

    /// <summary>Converts a non-null external input value (a <see cref="System.Text.Json.JsonElement"/> or a CLR value) to the internal value.</summary>
    /// <exception cref="CoercionException">The value is not valid input for this scalar.</exception>
    public abstract object ParseValue(object value);

    /// <summary>Converts a literal (never null and never a variable) to the internal value.</summary>
    /// <exception cref="CoercionException">The literal is not valid input for this scalar.</exception>
    public abstract object ParseLiteral(ValueNode literal);

    /// <summary>
    /// Converts an internal value back to a literal, for printing default values. The default
    /// implementation serializes the value and maps strings, numbers and booleans to literals.
    /// </summary>
    public virtual ValueNode ToLiteral(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return LiteralOf(Serialize(value));
    }

    /// <summary>Creates a custom scalar from three functions.</summary>
    public static ScalarType Create(
        string name,
        Func<object, object> serialize,
        Func<object, object> parseValue,
        Func<ValueNode, object> parseLiteral,
        string? description = null,
        string? specifiedByUrl = null) =>
        new DelegateScalarType(name, description, specifiedByUrl, serialize, parseValue, parseLiteral);

    /// <summary>Maps a serialized value (string, number or boolean) to the matching literal.</summary>
    protected static ValueNode LiteralOf(object serialized) => serialized switch
    {
        string s => new StringValueNode(s, Block: false),
        bool b => new BooleanValueNode(b),
        int or long or short or byte or sbyte or ushort or uint or ulong =>
            new IntValueNode(Convert.ToString(serialized, CultureInfo.InvariantCulture)!),
        double d => NumberLiteral(ValueInspector.FormatDouble(d)),
        float f => NumberLiteral(ValueInspector.FormatDouble(f)),
        decimal m => NumberLiteral(m.ToString(CultureInfo.InvariantCulture)),
        _ => throw new CoercionException($"Cannot convert value to AST: {ValueInspector.Inspect(serialized)}."),
    };

    private static ValueNode NumberLiteral(string text) =>
        text.Contains('.', StringComparison.Ordinal) || text.Contains('e', StringComparison.OrdinalIgnoreCase)
            ? new FloatValueNode(text)
            : new IntValueNode(text);

    /// <summary>Describes a value for an error message: strings quoted, numbers as written, objects and lists abbreviated.</summary>
    protected static string Inspect(object? value) => ValueInspector.Inspect(value);

    /// <summary>Prints a literal for an error message.</summary>
    protected static string Print(ValueNode literal) => ValuePrinter.Print(literal);

    /// <summary>
    /// Converts a JSON element to a plain CLR value (string, bool, int, long, decimal or double,
    /// dictionaries and lists) and leaves other values as they are; useful in <see cref="ParseValue"/>.
    /// </summary>
    protected static object? Unwrap(object? value) => InputValues.Unwrap(value);

    private sealed class DelegateScalarType(
        string name,
        string? description,
        string? specifiedByUrl,
        Func<object, object> serialize,
        Func<object, object> parseValue,
        Func<ValueNode, object> parseLiteral) : ScalarType(name, description, specifiedByUrl)
    {
        public override object Serialize(object value) => Guard(serialize, value);

        public override object ParseValue(object value) => Guard(parseValue, value);

        public override object ParseLiteral(ValueNode literal) => Guard(parseLiteral, literal);

        // Custom functions may signal bad input with any of the usual exceptions; clients see a coercion error.
        private T2 Guard<T1, T2>(Func<T1, T2> function, T1 argument)
        {
            try
            {
                return function(argument);
            }
            catch (Exception ex) when (ex is FormatException or InvalidCastException or ArgumentException or OverflowException)
            {
                throw new CoercionException($"{Name} cannot represent value: {ex.Message}", ex);
            }
        }
    }
}
