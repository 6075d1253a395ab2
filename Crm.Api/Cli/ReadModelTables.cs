using System.Data;
using Crm.Projections;
using Npgsql;

namespace Crm.Api.Cli;

/// <summary>The tables of the read-model schema as the rebuild verb sees them: their object ids, row counts and checksums.</summary>
internal sealed class ReadModelTables(NpgsqlDataSource dataSource, string schema, string storeSchema)
{
    /// <summary>One table's fingerprint.</summary>
    /// <param name="Oid">Its PostgreSQL object id: a rebuild's swap replaces the table, so it changes.</param>
    /// <param name="Rows">Its row count.</param>
    /// <param name="Md5">The MD5 of all its rows in key order (see <see cref="TableChecksums"/>).</param>
    internal sealed record TableState(long Oid, long Rows, string Md5);

    /// <summary>Every table of the schema at one moment, and the event log's head then (the newest event's position, 0 when empty).</summary>
    internal sealed record Snapshot(IReadOnlyDictionary<string, TableState> Tables, long Head);

    /// <summary>Fingerprints every table of the schema within one snapshot of the database.</summary>
    public async Task<Snapshot> SnapshotAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var oids = await ObjectIdsAsync(connection, cancellationToken);
        var tables = new Dictionary<string, TableState>(StringComparer.Ordinal);
        foreach (var (name, oid) in oids.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            var sum = await TableChecksums.ComputeAsync(connection, schema, name, cancellationToken);
            tables[name] = new TableState(oid, sum.Rows, sum.Md5);
        }
        long head;
        await using (var command = new NpgsqlCommand($"SELECT COALESCE(max(position), 0) FROM \"{storeSchema}\".events", connection))
        {
            head = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }
        await transaction.CommitAsync(cancellationToken);
        return new Snapshot(tables, head);
    }

    /// <summary>The object id of every table of the schema, by name.</summary>
    public async Task<Dictionary<string, long>> ObjectIdsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await ObjectIdsAsync(connection, cancellationToken);
    }

    private async Task<Dictionary<string, long>> ObjectIdsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT c.relname, c.oid::bigint FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind IN ('r', 'p')",
            connection);
        command.Parameters.Add(new NpgsqlParameter { Value = schema });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var oids = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            oids[reader.GetString(0)] = reader.GetInt64(1);
        }
        return oids;
    }
}
