using System.Data;
using Crm.Projections;
using Npgsql;

namespace Crm.Api.Cli;

/// <summary>The tables of the read-model schema as the rebuild verb sees them: their row counts and checksums.</summary>
internal sealed class ReadModelTables(NpgsqlDataSource dataSource, string schema, string storeSchema)
{
    /// <summary>One table's fingerprint.</summary>
    /// <param name="Rows">Its row count.</param>
    /// <param name="Md5">The MD5 of all its rows in key order (see <see cref="TableChecksums"/>).</param>
    internal sealed record TableState(long Rows, string Md5);

    /// <summary>Every table of the schema at one moment, and the event log's head then (the newest event's position, 0 when empty).</summary>
    internal sealed record Snapshot(IReadOnlyDictionary<string, TableState> Tables, long Head);

    /// <summary>Fingerprints every table of the schema within one snapshot of the database.</summary>
    public async Task<Snapshot> SnapshotAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var tables = new Dictionary<string, TableState>(StringComparer.Ordinal);
        foreach (var name in await TableNamesAsync(connection, cancellationToken))
        {
            var sum = await TableChecksums.ComputeAsync(connection, schema, name, cancellationToken);
            tables[name] = new TableState(sum.Rows, sum.Md5);
        }
        long head;
        await using (var command = new NpgsqlCommand($"SELECT COALESCE(max(position), 0) FROM \"{storeSchema}\".events", connection))
        {
            head = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }
        await transaction.CommitAsync(cancellationToken);
        return new Snapshot(tables, head);
    }

    private async Task<List<string>> TableNamesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') ORDER BY c.relname COLLATE \"C\"",
            connection);
        command.Parameters.Add(new NpgsqlParameter { Value = schema });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var names = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            names.Add(reader.GetString(0));
        }
        return names;
    }
}
