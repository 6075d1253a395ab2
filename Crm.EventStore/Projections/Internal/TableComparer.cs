using Npgsql;

namespace Crm.EventStore.Projections.Internal;

/// <summary>
/// Compares a live table with its rebuilt copy inside one transaction (one snapshot). The checksum
/// adds up the MD5 of every row's text, so it needs no ordering and no memory that grows with the
/// table; the first difference pairs rows by primary key.
/// </summary>
internal static class TableComparer
{
    public static async Task<TableComparison> CompareAsync(
        NpgsqlTransaction transaction, ProjectionTable table, string rebuiltQualifiedName, CancellationToken cancellationToken)
    {
        var live = await ChecksumAsync(transaction, table.QualifiedName, cancellationToken);
        var rebuilt = await ChecksumAsync(transaction, rebuiltQualifiedName, cancellationToken);
        RowDifference? difference = null;
        if (live != rebuilt)
        {
            difference = await FirstDifferenceAsync(transaction, table, rebuiltQualifiedName, cancellationToken);
        }
        return new TableComparison(table, live, rebuilt, difference);
    }

    public static async Task<TableChecksum> ChecksumAsync(NpgsqlTransaction transaction, string qualifiedName, CancellationToken cancellationToken)
    {
        // Two 64-bit halves of each row's MD5, summed exactly as numeric: equal multisets of rows give equal sums.
        await using var command = new NpgsqlCommand(
            "SELECT count(*), md5(count(*)::text || ':' || coalesce(sum(('x' || substr(h, 1, 16))::bit(64)::bigint::numeric), 0)::text "
            + "|| ':' || coalesce(sum(('x' || substr(h, 17, 16))::bit(64)::bigint::numeric), 0)::text) "
            + $"FROM (SELECT md5(t::text) AS h FROM {qualifiedName} AS t) AS rows",
            transaction.Connection,
            transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new TableChecksum(reader.GetInt64(0), reader.GetString(1));
    }

    /// <exception cref="ProjectionException">The table has no primary key, so rows cannot be paired.</exception>
    public static async Task<RowDifference?> FirstDifferenceAsync(
        NpgsqlTransaction transaction, ProjectionTable table, string rebuiltQualifiedName, CancellationToken cancellationToken)
    {
        var key = await PrimaryKeyAsync(transaction, table.QualifiedName, cancellationToken);
        if (key.Count == 0)
        {
            throw new ProjectionException($"Table {table} has no primary key, so its rows cannot be paired with the rebuilt ones to show the first difference; give it one.");
        }
        var quoted = key.Select(k => $"\"{k.Replace("\"", "\"\"", StringComparison.Ordinal)}\"").ToList();
        var join = string.Join(" AND ", quoted.Select(k => $"l.{k} = r.{k}"));
        var order = string.Join(", ", quoted.Select(k => $"coalesce(l.{k}, r.{k})"));
        var shown = string.Join(
            " || ', ' || ",
            key.Zip(quoted).Select(k => $"'{k.First.Replace("'", "''", StringComparison.Ordinal)}=' || coalesce(l.{k.Second}, r.{k.Second})::text"));
        await using var command = new NpgsqlCommand(
            $"SELECT {shown}, l::text, r::text FROM {table.QualifiedName} AS l FULL JOIN {rebuiltQualifiedName} AS r ON {join} "
            + $"WHERE l::text IS DISTINCT FROM r::text ORDER BY {order} LIMIT 1",
            transaction.Connection,
            transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        return new RowDifference(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2));
    }

    private static async Task<List<string>> PrimaryKeyAsync(NpgsqlTransaction transaction, string qualifiedName, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT a.attname FROM pg_index AS x JOIN pg_attribute AS a ON a.attrelid = x.indrelid AND a.attnum = ANY (x.indkey) "
            + "WHERE x.indrelid = $1::regclass AND x.indisprimary ORDER BY array_position(x.indkey::smallint[], a.attnum)",
            transaction.Connection,
            transaction);
        command.Parameters.Add(ProjectionStorage.Text(qualifiedName));
        var key = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            key.Add(reader.GetString(0));
        }
        return key;
    }
}
