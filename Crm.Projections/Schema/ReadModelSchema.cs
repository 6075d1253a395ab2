using System.Text.RegularExpressions;

namespace Crm.Projections;

/// <summary>
/// The PostgreSQL schema that holds the read-model tables. Every projection, query and migration
/// is bound to one schema, so a rebuild can fill a second schema while the first keeps serving.
/// </summary>
public sealed partial record ReadModelSchema
{
    private ReadModelSchema(string name) => Name = name;

    /// <summary>The schema used when none is configured: <c>crm_read</c>.</summary>
    public static ReadModelSchema Default { get; } = new("crm_read");

    /// <summary>The schema's name: lower-case letters, digits and underscores, starting with a letter or underscore, at most 63 characters.</summary>
    public string Name { get; }

    /// <summary>The name quoted as an SQL identifier.</summary>
    internal string Quoted => $"\"{Name}\"";

    /// <summary>A schema named <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">The name is not a plain lower-case identifier.</exception>
    public static ReadModelSchema Named(string name)
    {
        if (string.IsNullOrEmpty(name) || !Identifier().IsMatch(name))
        {
            throw new ArgumentException(
                $"'{name}' is not a usable schema name; use 1 to 63 lower-case letters, digits and underscores, starting with a letter or underscore (e.g. crm_read).",
                nameof(name));
        }
        if (name.StartsWith("pg_", StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{name}' starts with pg_, which PostgreSQL reserves for its own schemas.", nameof(name));
        }
        return new ReadModelSchema(name);
    }

    /// <summary>Puts the quoted schema name into an SQL text written with the <c>__schema__</c> placeholder.</summary>
    internal string Apply(string sql) => sql.Replace("__schema__", Quoted, StringComparison.Ordinal);

    /// <inheritdoc />
    public override string ToString() => Name;

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();
}
