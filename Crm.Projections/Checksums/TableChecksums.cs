using System.Text.RegularExpressions;
using Npgsql;

namespace Crm.Projections;

/// <summary>The fingerprint of a table's content: its row count and an MD5 over every row in key order.</summary>
/// <param name="Schema">The table's schema.</param>
/// <param name="Table">The table.</param>
/// <param name="Rows">How many rows it has.</param>
/// <param name="Md5">MD5 (hex) of all rows' text, concatenated in primary-key order; equal content gives equal sums in any schema.</param>
public sealed record TableChecksum(string Schema, string Table, long Rows, string Md5);

/// <summary>The first row (in primary-key order) where two tables of the same shape differ.</summary>
/// <param name="Table">The table's name.</param>
/// <param name="Key">The primary key of the row, as <c>column=value</c> pairs.</param>
/// <param name="Left">The row in the left table as text; null when only the right table has it.</param>
/// <param name="Right">The row in the right table as text; null when only the left table has it.</param>
public sealed record TableDifference(string Table, string Key, string? Left, string? Right);

/// <summary>
/// Compares tables by content, for checking that a rebuild produced exactly the rows of the live
/// projection (same table in two schemas), or that a table did not change. General: it works on
/// any table with a primary key, in any schema.
/// </summary>
public static partial class TableChecksums
{
    /// <summary>The checksum of <paramref name="schema"/>.<paramref name="table"/>: <c>md5(string_agg(row::text, '' ORDER BY primary key))</c>.</summary>
    /// <exception cref="ArgumentException">A name is not a plain identifier.</exception>
    public static async Task<TableChecksum> ComputeAsync(NpgsqlConnection connection, string schema, string table, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var name = Qualified(schema, table);
        var key = await PrimaryKeyAsync(connection, schema, table, cancellationToken);
        var order = key.Count == 0 ? "t::text" : string.Join(", ", key.Select(k => $"t.{Quote(k)}"));
        await using var command = new NpgsqlCommand($"SELECT count(*), md5(COALESCE(string_agg(t::text, '' ORDER BY {order}), '')) FROM {name} t", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new TableChecksum(schema, table, reader.GetInt64(0), reader.GetString(1));
    }

    /// <summary>The checksums of several tables of one schema, in the order given.</summary>
    public static async Task<IReadOnlyList<TableChecksum>> ComputeAsync(
        NpgsqlConnection connection, string schema, IEnumerable<string> tables, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var sums = new List<TableChecksum>();
        foreach (var table in tables)
        {
            sums.Add(await ComputeAsync(connection, schema, table, cancellationToken));
        }
        return sums;
    }

    /// <summary>
    /// The first row, in primary-key order, that differs between <paramref name="leftSchema"/>.<paramref name="table"/>
    /// and <paramref name="rightSchema"/>.<paramref name="table"/> (present on one side only, or with other values);
    /// null when the tables hold the same rows.
    /// </summary>
    /// <exception cref="InvalidOperationException">The table has no primary key, so rows cannot be paired.</exception>
    public static async Task<TableDifference?> FirstDifferenceAsync(
        NpgsqlConnection connection, string leftSchema, string rightSchema, string table, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var left = Qualified(leftSchema, table);
        var right = Qualified(rightSchema, table);
        var key = await PrimaryKeyAsync(connection, leftSchema, table, cancellationToken);
        if (key.Count == 0)
        {
            throw new InvalidOperationException($"Table {leftSchema}.{table} has no primary key, so its rows cannot be paired with those of {rightSchema}.{table}.");
        }
        var join = string.Join(" AND ", key.Select(k => $"l.{Quote(k)} = r.{Quote(k)}"));
        var order = string.Join(", ", key.Select(k => $"COALESCE(l.{Quote(k)}, r.{Quote(k)})"));
        var shown = string.Join(" || ', ' || ", key.Select(k => $"'{k.Replace("'", "''", StringComparison.Ordinal)}=' || COALESCE(l.{Quote(k)}, r.{Quote(k)})::text"));
        await using var command = new NpgsqlCommand(
            $"""
            SELECT {shown}, l::text, r::text
            FROM {left} l FULL JOIN {right} r ON {join}
            WHERE l::text IS DISTINCT FROM r::text
            ORDER BY {order}
            LIMIT 1
            """,
            connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        return new TableDifference(table, reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2));
    }

    private static async Task<List<string>> PrimaryKeyAsync(NpgsqlConnection connection, string schema, string table, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT a.attname
            FROM pg_index i
            JOIN pg_class c ON c.oid = i.indrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY (i.indkey)
            WHERE n.nspname = $1 AND c.relname = $2 AND i.indisprimary
            ORDER BY array_position(i.indkey::smallint[], a.attnum)
            """,
            connection)
        {
            Parameters = { new() { Value = schema }, new() { Value = table } },
        };
        var key = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            key.Add(reader.GetString(0));
        }
        return key;
    }

    private static string Qualified(string schema, string table)
    {
        Check(schema, nameof(schema));
        Check(table, nameof(table));
        return $"{Quote(schema)}.{Quote(table)}";
    }

    private static void Check(string name, string parameter)
    {
        if (string.IsNullOrEmpty(name) || !Identifier().IsMatch(name))
        {
            throw new ArgumentException($"'{name}' is not a plain identifier (letters, digits and underscores, starting with a letter or underscore).", parameter);
        }
    }

    private static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();
}
