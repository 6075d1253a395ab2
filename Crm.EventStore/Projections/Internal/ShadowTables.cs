using System.Globalization;
using Crm.EventStore.Postgres;
using Npgsql;

namespace Crm.EventStore.Projections.Internal;

/// <summary>
/// A rebuild's fresh tables: for each schema of the projection's tables, a shadow schema of its own
/// holding a copy of each table's definition (<c>LIKE … INCLUDING ALL</c>: columns, defaults,
/// constraints, indexes, identity, comments) under the same name. The swap drops each live table and
/// moves its copy into the live schema, then gives the copy's indexes the live indexes' names.
/// </summary>
internal sealed class ShadowTables
{
    private readonly RegisteredProjection _projection;
    private readonly Dictionary<string, string> _shadowOf;

    public ShadowTables(RegisteredProjection projection)
    {
        _projection = projection;
        _shadowOf = projection.Tables
            .Select(t => t.Schema)
            .Distinct(StringComparer.Ordinal)
            .ToDictionary(s => s, s => ShadowSchemaName(s, projection.Name), StringComparer.Ordinal);
        Map = TableMap.Shadow(_shadowOf);
    }

    /// <summary>Points the projection at the shadow tables.</summary>
    public TableMap Map { get; }

    /// <summary>A name of its own per live schema and projection, so rebuilds of different projections never meet.</summary>
    public static string ShadowSchemaName(string liveSchema, string projection) =>
        "rebuild_" + SchemaMigrator.StableKey($"{liveSchema}/{projection}").ToString("x16", CultureInfo.InvariantCulture);

    public string Shadow(ProjectionTable table) => ProjectionTable.Qualify(_shadowOf[table.Schema], table.Name);

    /// <summary>Creates empty copies of the live tables (replacing leftovers of a rebuild that did not finish).</summary>
    /// <exception cref="ProjectionException">A live table does not exist.</exception>
    public async Task CreateAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var table in _projection.Tables)
        {
            await using var exists = new NpgsqlCommand("SELECT to_regclass($1) IS NOT NULL", connection, transaction);
            exists.Parameters.Add(ProjectionStorage.Text(table.QualifiedName));
            if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken))!)
            {
                throw new ProjectionException($"Table {table} of projection '{_projection.Name}' does not exist; create the projection's tables before rebuilding it.")
                {
                    Projection = _projection.Name,
                };
            }
        }
        foreach (var shadow in _shadowOf.Values)
        {
            await ExecuteAsync(transaction, $"DROP SCHEMA IF EXISTS \"{shadow}\" CASCADE; CREATE SCHEMA \"{shadow}\"", cancellationToken);
        }
        foreach (var table in _projection.Tables)
        {
            await ExecuteAsync(transaction, $"CREATE TABLE {Shadow(table)} (LIKE {table.QualifiedName} INCLUDING ALL)", cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Gathers planner statistics on the filled copies, so queries are planned well from the first moment after the swap.</summary>
    public async Task AnalyzeAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"ANALYZE {string.Join(", ", _projection.Tables.Select(Shadow))}", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>In the caller's transaction: replaces every live table with its copy, keeping the live index names.</summary>
    public async Task SwapAsync(NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var renames = new List<(string Schema, string From, string To)>();
        foreach (var table in _projection.Tables)
        {
            var live = await IndexesAsync(transaction, table.QualifiedName, cancellationToken);
            var copy = await IndexesAsync(transaction, Shadow(table), cancellationToken);
            foreach (var (shape, copyName) in copy)
            {
                var match = live.FindIndex(l => l.Shape == shape);
                if (match < 0)
                {
                    continue;
                }
                if (live[match].Name != copyName)
                {
                    renames.Add((table.Schema, copyName, live[match].Name));
                }
                live.RemoveAt(match);
            }
            await ExecuteAsync(transaction, $"DROP TABLE {table.QualifiedName}", cancellationToken);
            await ExecuteAsync(transaction, $"ALTER TABLE {Shadow(table)} SET SCHEMA \"{table.Schema}\"", cancellationToken);
        }
        // In two steps: a copy's generated name may be the name another live index is about to take back.
        var parked = renames.Select((r, i) => (r.Schema, Parked: $"rebuild_index_{i}_{Guid.NewGuid():N}", r.From, r.To)).ToList();
        foreach (var (schema, parkedName, from, _) in parked)
        {
            await ExecuteAsync(transaction, $"ALTER INDEX {ProjectionTable.Qualify(schema, from)} RENAME TO \"{parkedName}\"", cancellationToken);
        }
        foreach (var (schema, parkedName, _, to) in parked)
        {
            await ExecuteAsync(transaction, $"ALTER INDEX {ProjectionTable.Qualify(schema, parkedName)} RENAME TO \"{to}\"", cancellationToken);
        }
    }

    /// <summary>Drops the shadow schemas with whatever is left in them.</summary>
    public async Task DropAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        foreach (var shadow in _shadowOf.Values)
        {
            await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{shadow}\" CASCADE", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>The table's indexes: the definition without name and table (its shape), and the name.</summary>
    private static async Task<List<(string Shape, string Name)>> IndexesAsync(NpgsqlTransaction transaction, string qualifiedTable, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT x.indisprimary::text || x.indisunique::text || regexp_replace(pg_get_indexdef(x.indexrelid), '^.*? USING ', ' USING '), c.relname "
            + "FROM pg_index AS x JOIN pg_class AS c ON c.oid = x.indexrelid WHERE x.indrelid = $1::regclass ORDER BY c.relname",
            transaction.Connection,
            transaction);
        command.Parameters.Add(ProjectionStorage.Text(qualifiedTable));
        var indexes = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            indexes.Add((reader.GetString(0), reader.GetString(1)));
        }
        return indexes;
    }

    private static async Task ExecuteAsync(NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, transaction.Connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
