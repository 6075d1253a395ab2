using Crm.Projections;
using Crm.Projections.Engine;
using Crm.Tests.Infrastructure;
using Npgsql;

namespace Crm.Tests.Projections;

/// <summary>The read models in a schema of their own, filled by running the projections over a list of events.</summary>
internal sealed class ReadModelStore
{
    private ReadModelStore(NpgsqlDataSource dataSource, ReadModelSchema schema)
    {
        DataSource = dataSource;
        Schema = schema;
        Projections = ReadModelProjections.All(schema);
        Queries = new ReadModelQueries(dataSource, schema);
    }

    public NpgsqlDataSource DataSource { get; }

    public ReadModelSchema Schema { get; }

    public IReadOnlyList<IReadModelProjection> Projections { get; }

    public ReadModelQueries Queries { get; }

    public IEnumerable<string> Tables => Projections.SelectMany(p => p.Tables);

    /// <summary>A fresh, migrated schema with a unique name in the class's database.</summary>
    public static async Task<ReadModelStore> CreateAsync(PostgresDatabase database, string? schema = null)
    {
        var store = new ReadModelStore(database.DataSource, ReadModelSchema.Named(schema ?? $"rm_{Guid.NewGuid():N}"[..16]));
        await new ReadModelMigrator(database.DataSource, store.Schema).MigrateAsync();
        return store;
    }

    /// <summary>Applies the events in batches of <paramref name="batchSize"/>, each batch to every projection in one transaction.</summary>
    public async Task ProjectAsync(IReadOnlyList<ProjectedEvent> events, int batchSize = int.MaxValue)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        foreach (var batch in events.Chunk(Math.Min(batchSize, Math.Max(events.Count, 1))))
        {
            await using var transaction = await connection.BeginTransactionAsync();
            foreach (var projection in Projections)
            {
                await projection.ApplyAsync(batch, connection, transaction);
            }
            await transaction.CommitAsync();
        }
    }

    /// <summary>The checksum of every read-model table, by table name.</summary>
    public async Task<Dictionary<string, TableChecksum>> ChecksumsAsync()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        var sums = await TableChecksums.ComputeAsync(connection, Schema.Name, Tables);
        return sums.ToDictionary(s => s.Table);
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql.Replace("__schema__", $"\"{Schema.Name}\"", StringComparison.Ordinal));
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Every row of <paramref name="sql"/>'s result as column → value.</summary>
    public async Task<List<Dictionary<string, object?>>> RowsAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql.Replace("__schema__", $"\"{Schema.Name}\"", StringComparison.Ordinal));
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Dictionary<string, object?>>();
        while (await reader.ReadAsync())
        {
            var row = new Dictionary<string, object?>();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i)] = reader.IsDBNull(i) ? null
                    : reader.GetDataTypeName(i) == "date" ? reader.GetFieldValue<DateOnly>(i)
                    : reader.GetValue(i);
            }
            rows.Add(row);
        }
        return rows;
    }
}
