using System.Text.RegularExpressions;

namespace Crm.EventStore.Projections;

/// <summary>A table a projection writes: its schema and name, both plain lower-case identifiers.</summary>
public sealed partial record ProjectionTable
{
    /// <summary>Names a table.</summary>
    /// <exception cref="ArgumentException">A name is not a plain lower-case identifier (letters, digits, underscores; not starting with a digit or <c>pg_</c>; at most 63 characters).</exception>
    public ProjectionTable(string schema, string name)
    {
        Validate(schema, nameof(schema));
        Validate(name, nameof(name));
        Schema = schema;
        Name = name;
    }

    /// <summary>The table's schema.</summary>
    public string Schema { get; }

    /// <summary>The table's name.</summary>
    public string Name { get; }

    /// <summary>The quoted, schema-qualified name, for SQL text.</summary>
    public string QualifiedName => Qualify(Schema, Name);

    /// <inheritdoc />
    public override string ToString() => $"{Schema}.{Name}";

    internal static string Qualify(string schema, string name) => $"\"{schema}\".\"{name}\"";

    internal static void Validate(string identifier, string parameterName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(identifier, parameterName);
        if (!Identifier().IsMatch(identifier) || identifier.StartsWith("pg_", StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"'{identifier}' is not a plain lower-case identifier: use 1 to 63 lower-case letters, digits and underscores, starting with a letter or underscore, not with 'pg_'.",
                parameterName);
        }
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();
}
